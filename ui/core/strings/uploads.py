"""Text about uploads the server let go (see ui/shell/uploads.py)."""

EN = {
    "uploads_lost_closed": "Some pictures or files you uploaded were let go when this tab "
    "lost its connection (the server keeps no uploads of closed tabs). What you added to your "
    "classes and any model you loaded are still here; upload the other files again.",
    "uploads_lost_share": "Some uploaded files were let go: this tab may hold {mb} MB of "
    "uploads at a time. Upload fewer or smaller files at once, then the rest.",
    "uploads_lost_room": "Some uploaded files were let go to make room for other students' "
    "uploads (the server's upload store was full). Upload them again if you still need them.",
}

ZH = {
    "uploads_lost_closed": "这个标签页断开连接时，你上传的部分图片或文件已被释放（服务器不保留已关闭"
    "标签页的上传）。你加入类别的图片和载入的模型都还在；其余文件请重新上传。",
    "uploads_lost_share": "部分上传的文件已被释放：每个标签页同时最多保留 {mb} MB 的上传。请一次少传"
    "一些或传小一些的文件，再传其余的。",
    "uploads_lost_room": "为了给其他同学的上传腾出空间，部分上传的文件已被释放（服务器的上传存储已满）。"
    "如仍需要，请重新上传。",
}
