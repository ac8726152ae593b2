"""Text about files: pictures and model files refused (``err_<code>``), model upload/download."""

EN = {
    # model files in the UI
    "model_file_download": "Model (.safetensors)",
    "model_file_load": "Load a model file (.safetensors)",
    "model_file_help": "A model downloaded from the Training page (up to {mb} MB).",
    "model_file_refused": "This model file was refused: {error}",
    # pictures
    "err_image_missing": "There is no file at this path.",
    "err_image_not_file": "This is not a file (a folder, a device or a pipe); only files can be "
    "read.",
    "err_image_unreadable": "The file could not be opened (no permission or an input/output "
    "error).",
    "err_image_too_big": "The file is {mb} MB; a picture may be at most {limit_mb} MB.",
    "err_image_empty": "The file is empty (0 bytes).",
    "err_image_format": "This is not a picture the app can read. Use JPEG, PNG, WebP, GIF or BMP.",
    "err_image_bomb": "The picture claims far too many pixels; at most {limit} MP is accepted.",
    "err_image_pixels": "The picture claims {w}×{h} pixels ({mp} MP); at most {limit} MP is "
    "accepted.",
    "err_image_memory": "The picture ({w}×{h} pixels) would take {mb} MB of memory to decode; at "
    "most {limit} MB is allowed. Save it smaller and try again.",
    "err_image_no_pixels": "The picture has no pixels.",
    "err_image_damaged": "The picture is truncated or damaged: it could not be decoded.",
    # model files
    "err_model_missing": "There is no file at this path.",
    "err_model_not_file": "This is not a file (a folder, a device or a pipe); only files can be "
    "read.",
    "err_model_unreadable": "The file could not be opened (no permission or an input/output "
    "error).",
    "err_model_too_big": "The file is {mb} MB; a model file may be at most {limit_mb} MB.",
    "err_model_empty": "The file is empty (0 bytes).",
    "err_model_format": "This is not a model file in the safetensors format, or it is damaged.",
    "err_model_header": "The file's header claims {kb} kB; a model's header is at most "
    "{limit_kb} kB and lies within the file.",
    "err_model_not_ours": "This safetensors file was not saved by this app: its header has no "
    "model description.",
    "err_model_metadata": "The model's description is invalid ({field}).",
    "err_model_activation": "The model uses the hidden activation “{name}”, which this app does "
    "not know.",
    "err_model_tensor_name": "The file holds an array named “{name}”; a model holds only W1, b1, "
    "…, WL, bL.",
    "err_model_dtype": "{name} holds {dtype} values; weights must be floating point.",
    "err_model_layers": "The model has {count} layers; 1 to {limit} are accepted.",
    "err_model_params": "The model has {count} weights; at most {limit} are accepted.",
    "err_model_missing_layer": "Layer {l} is missing W{l} or b{l}.",
    "err_model_input": "{name} has shape {shape}: the first layer must take {n} inputs "
    "(64×64×3 pixels).",
    "err_model_chain": "{name} has shape {shape}: it should take {n} inputs, the previous "
    "layer's units (shapes must chain).",
    "err_model_empty_layer": "Layer {l} has 0 units.",
    "err_model_bias": "{name} has shape {shape}; expected {expected}.",
    "err_model_output": "The last layer has {n} units; a cat detector has 1.",
    "err_model_dims_mismatch": "The description says layers {said}, the arrays say {found}.",
    "err_model_not_finite": "{name} holds NaN or infinite values: the model is unusable.",
    "err_model_absurd": "The weights of layer {l} are so large that predictions would overflow "
    "to NaN: no training makes such a model.",
}

ZH = {
    "model_file_download": "模型 (.safetensors)",
    "model_file_load": "载入模型文件 (.safetensors)",
    "model_file_help": "从训练页下载的模型（最大 {mb} MB）。",
    "model_file_refused": "这个模型文件被拒绝：{error}",
    "err_image_missing": "这个路径下没有文件。",
    "err_image_not_file": "这不是文件（而是文件夹、设备或管道）；只能读取文件。",
    "err_image_unreadable": "无法打开这个文件（没有权限或读写错误）。",
    "err_image_too_big": "文件大小为 {mb} MB；图片最大 {limit_mb} MB。",
    "err_image_empty": "文件是空的（0 字节）。",
    "err_image_format": "这不是本应用能读取的图片。请使用 JPEG、PNG、WebP、GIF 或 BMP。",
    "err_image_bomb": "图片声称的像素多得离谱；最多接受 {limit} MP。",
    "err_image_pixels": "图片声称有 {w}×{h} 像素（{mp} MP）；最多接受 {limit} MP。",
    "err_image_memory": "解码这张图片（{w}×{h} 像素）需要 {mb} MB 内存；最多允许 {limit} MB。"
    "请把图片存小一些再试。",
    "err_image_no_pixels": "图片没有像素。",
    "err_image_damaged": "图片不完整或已损坏，无法解码。",
    "err_model_missing": "这个路径下没有文件。",
    "err_model_not_file": "这不是文件（而是文件夹、设备或管道）；只能读取文件。",
    "err_model_unreadable": "无法打开这个文件（没有权限或读写错误）。",
    "err_model_too_big": "文件大小为 {mb} MB；模型文件最大 {limit_mb} MB。",
    "err_model_empty": "文件是空的（0 字节）。",
    "err_model_format": "这不是 safetensors 格式的模型文件，或者文件已损坏。",
    "err_model_header": "文件头声称有 {kb} kB；模型的文件头最多 {limit_kb} kB，且必须在文件之内。",
    "err_model_not_ours": "这个 safetensors 文件不是本应用保存的：文件头里没有模型说明。",
    "err_model_metadata": "模型说明无效（{field}）。",
    "err_model_activation": "模型使用的隐藏层激活函数“{name}”本应用不认识。",
    "err_model_tensor_name": "文件里有一个名为“{name}”的数组；模型只包含 W1、b1、…、WL、bL。",
    "err_model_dtype": "{name} 的数值类型是 {dtype}；权重必须是浮点数。",
    "err_model_layers": "模型有 {count} 层；只接受 1 到 {limit} 层。",
    "err_model_params": "模型有 {count} 个权重；最多接受 {limit} 个。",
    "err_model_missing_layer": "第 {l} 层缺少 W{l} 或 b{l}。",
    "err_model_input": "{name} 的形状是 {shape}：第一层必须接收 {n} 个输入（64×64×3 个像素值）。",
    "err_model_chain": "{name} 的形状是 {shape}：它应该接收 {n} 个输入，即上一层的单元数（形状必须衔接）。",
    "err_model_empty_layer": "第 {l} 层有 0 个单元。",
    "err_model_bias": "{name} 的形状是 {shape}；应为 {expected}。",
    "err_model_output": "最后一层有 {n} 个单元；猫识别器只有 1 个。",
    "err_model_dims_mismatch": "模型说明写的是各层 {said}，数组却是 {found}。",
    "err_model_not_finite": "{name} 含有 NaN 或无穷大的值：模型无法使用。",
    "err_model_absurd": "第 {l} 层的权重大得离谱，预测会溢出成 NaN：任何训练都不会得到这样的模型。",
}
