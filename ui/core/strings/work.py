"""Text about work a restart or failover lost (see ui/core/work.py and ui/shell/visitor_cookie.py)."""

EN = {
    "work_lost_intro": "**This page is now on a server that does not have what it showed before** "
    "(the server restarted, or another server of the class took over). Lost with the old one:",
    "work_lost_run": "the run that was training: press **{train}** to train it again (finished "
    "runs came back from the link)",
    "work_lost_grid": "the experiment grid that was running: press **{grid}** again",
    "work_lost_photo": "the verdict of the photo you uploaded or took: upload or take it again",
    "work_lost_classes": "on “{page}”, your {n} pictures, the two class names and the network "
    "trained on them (a saved .h5 file loads them back)",
    "work_lost_classes_one": "on “{page}”, your {n} picture, the two class names and the "
    "network trained on them (a saved .h5 file loads them back)",
    "work_lost_unspooled": "{n} finished runs that waited for the class board and that the old "
    "server could not keep on its disk: train them again to share them (unless the board "
    "already shows them)",
    "work_lost_unspooled_one": "{n} finished run that waited for the class board and that the "
    "old server could not keep on its disk: train it again to share it (unless the board "
    "already shows it)",
    "work_kept_spooled": "{n} finished runs were waiting for the class board when the old server "
    "stopped. They are not lost: they were kept on the disk of the machine that served you, "
    "which posts them to the board once the class's database answers (if it has not already).",
    "work_kept_spooled_one": "{n} finished run was waiting for the class board when the old "
    "server stopped. It is not lost: it was kept on the disk of the machine that served you, "
    "which posts it to the board once the class's database answers (if it has not already).",
    "work_lost_ok": "OK",
}

ZH = {
    "work_lost_intro": "**这个页面现在连接的服务器没有它之前显示的内容**（服务器重启了，或由班上的另一台"
    "服务器接替）。随旧服务器一起丢失的有：",
    "work_lost_run": "正在训练的那次运行：点击 **{train}** 重新训练（已完成的运行已从链接恢复）",
    "work_lost_grid": "正在运行的实验网格：请再次点击 **{grid}**",
    "work_lost_photo": "你上传或拍摄的照片的判断：请重新上传或拍摄",
    "work_lost_classes": "“{page}”上你的 {n} 张图片、两个类别的名称和用它们训练的网络（保存过的 "
    "HDF5 文件可以重新载入）",
    "work_lost_classes_one": "“{page}”上你的 {n} 张图片、两个类别的名称和用它们训练的网络（保存过的 "
    "HDF5 文件可以重新载入）",
    "work_lost_unspooled": "{n} 次等待发送到课堂看板、但旧服务器没能存到磁盘上的训练：请重新训练来分享"
    "（看板上已经有的除外）",
    "work_lost_unspooled_one": "{n} 次等待发送到课堂看板、但旧服务器没能存到磁盘上的训练：请重新训练来"
    "分享（看板上已经有的除外）",
    "work_kept_spooled": "旧服务器停止时，有 {n} 次完成的训练正在等待发送到课堂看板。它们没有丢失：已保存在"
    "为你服务的那台机器的磁盘上，课堂数据库恢复后由它发送到看板（如果还没有发送的话）。",
    "work_kept_spooled_one": "旧服务器停止时，有 {n} 次完成的训练正在等待发送到课堂看板。它们没有丢失：已保存"
    "在为你服务的那台机器的磁盘上，课堂数据库恢复后由它发送到看板（如果还没有发送的话）。",
    "work_lost_ok": "知道了",
}
