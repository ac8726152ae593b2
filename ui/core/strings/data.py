"""Text of the data part: downloading the lesson's files, and every problem a data file can have.

The ``err_*`` texts translate :class:`dnn.DatasetError` and ``DownloadError`` by their ``code``
(see :func:`ui.core.i18n.explain`); they never name a server folder, only a file's own name.
"""

EN = {
    # the data missing or damaged, and its download
    "data_missing": "The cat pictures are not here yet (the data folder, {folder}, does not have "
    "them). The app downloads them on the first visit (about 3 MB, checked against their SHA-256 "
    "sums); the button below tries again, and in a terminal it is:",
    "download_button": "Download the data",
    "data_damaged": "The data is damaged: download it again. ({error}.) The button below replaces "
    "the damaged files; in a terminal it is:",
    "download_failed": "The download failed: {error}.",
    "download_done": "Data downloaded and verified.",
    "data_folder_env": "the folder named by DNN_DATA_DIR",
    "download_starting": "Downloading the cat pictures…",
    "download_progress": "Downloading the cat pictures: {file}, {done} of {total} MB",
    "download_offline": "Without internet access: copy `train_catvnoncat.h5` and "
    "`test_catvnoncat.h5` into the data folder ({folder}) from a machine that has them, or start "
    "the app with `DNN_DATA_DIR` set to a folder that has them; then reload this page.",
    "download_reason_http": "{host} answered HTTP {detail}",
    "download_reason_timeout": "{host} did not answer in time",
    "download_reason_connect": "could not connect to {host} (no internet access?)",
    "download_reason_network": "the connection to {host} failed",
    "download_reason_sum": "the file from {host} failed its SHA-256 check (it is not the lesson's data)",
    "download_reason_size": "{host} sent more than the data file can be",
    "download_reason_scheme": "{host} is not an http(s) address",
    "err_download_failed": "no mirror delivered {file} ({reasons})",
    "err_download_unwritable": "{file} could not be saved in the data folder (is it writable, is "
    "the disk full?)",
    "err_data_missing": "{files} not found in the data folder",
    "err_dataset_not_file": "it is not a regular file",
    "err_dataset_too_big": "the file is {mb} MB, more than such a file can be ({limit_mb} MB)",
    "err_dataset_empty": "the file is empty (0 bytes)",
    "err_dataset_unreadable": "it is not a readable HDF5 file (damaged or cut short)",
    "err_dataset_keys": "it should hold exactly {expected}, but holds {found}",
    "err_dataset_link": "{key} is a link ({kind}) to data elsewhere, which is never followed",
    "err_dataset_group": "{key} is a group, not an array of data",
    "err_dataset_virtual": "{key} is a virtual dataset (it would read other files)",
    "err_dataset_external": "{key} keeps its data in other files",
    "err_dataset_filter": "{key} is stored with a compression filter that is not accepted",
    "err_dataset_prefix": "the name prefix must be lowercase letters, digits and _",
    "err_dataset_count": "{key} must hold between 1 and {most} pictures of 64 × 64 × 3",
    "err_dataset_shape": "{key} has the shape {shape}, but {expected} is expected",
    "err_dataset_dtype": "{key} has the type {dtype}, which is not the data set's",
    "err_dataset_labels": "the labels must be 0 or 1, found {found}",
    "err_dataset_classes": "the classes must be {expected}, found {found}",
    "err_dataset_class_names": "two different class names are needed, each 1–{most} characters "
    "of text without control characters or spaces around it",
}

ZH = {
    "data_missing": "还没有猫图数据（数据文件夹 {folder} 中没有）。应用会在首次访问时自动下载"
    "（约 3 MB，会校验 SHA-256）；下方按钮可重试，在终端中的命令是：",
    "download_button": "下载数据",
    "data_damaged": "数据已损坏：请重新下载。（{error}。）下方按钮会替换损坏的文件；在终端中的命令是：",
    "download_failed": "下载失败：{error}。",
    "download_done": "数据已下载并校验通过。",
    "data_folder_env": "DNN_DATA_DIR 指定的文件夹",
    "download_starting": "正在下载猫图数据…",
    "download_progress": "正在下载猫图数据：{file}，{done} / {total} MB",
    "download_offline": "没有网络时：从已有数据的电脑把 `train_catvnoncat.h5` 和 "
    "`test_catvnoncat.h5` 复制到数据文件夹（{folder}），或在启动应用时把 `DNN_DATA_DIR` "
    "设为存有这两个文件的文件夹；然后刷新本页。",
    "download_reason_http": "{host} 返回 HTTP {detail}",
    "download_reason_timeout": "{host} 没有及时响应",
    "download_reason_connect": "无法连接到 {host}（没有网络？）",
    "download_reason_network": "与 {host} 的连接失败",
    "download_reason_sum": "来自 {host} 的文件未通过 SHA-256 校验（不是本课的数据）",
    "download_reason_size": "{host} 发送的内容超过了数据文件可能的大小",
    "download_reason_scheme": "{host} 不是 http(s) 地址",
    "err_download_failed": "没有镜像能提供 {file}（{reasons}）",
    "err_download_unwritable": "无法把 {file} 保存到数据文件夹（文件夹可写吗？磁盘满了吗？）",
    "err_data_missing": "数据文件夹中没有 {files}",
    "err_dataset_not_file": "它不是普通文件",
    "err_dataset_too_big": "文件有 {mb} MB，超过了此类文件可能的大小（{limit_mb} MB）",
    "err_dataset_empty": "文件是空的（0 字节）",
    "err_dataset_unreadable": "它不是可读取的 HDF5 文件（已损坏或不完整）",
    "err_dataset_keys": "文件应恰好包含 {expected}，实际包含 {found}",
    "err_dataset_link": "{key} 是指向别处数据的链接（{kind}），不会被读取",
    "err_dataset_group": "{key} 是一个组，不是数据数组",
    "err_dataset_virtual": "{key} 是虚拟数据集（会读取其他文件）",
    "err_dataset_external": "{key} 的数据存放在其他文件中",
    "err_dataset_filter": "{key} 使用了不被接受的压缩过滤器",
    "err_dataset_prefix": "名称前缀只能由小写字母、数字和 _ 组成",
    "err_dataset_count": "{key} 必须包含 1 到 {most} 张 64 × 64 × 3 的图片",
    "err_dataset_shape": "{key} 的形状是 {shape}，应为 {expected}",
    "err_dataset_dtype": "{key} 的类型是 {dtype}，不是数据集所用的类型",
    "err_dataset_labels": "标签必须是 0 或 1，实际有 {found}",
    "err_dataset_classes": "类别必须是 {expected}，实际是 {found}",
    "err_dataset_class_names": "需要两个不同的类别名称，每个 1–{most} 个字符，"
    "不含控制字符，首尾不含空格",
}
