"""Text of the prediction page ("Is it a cat?"): its model, framing, verdict, uploads, test set.

What a verdict's P is worth is worded here too (see ui/core/trust.py).
"""

EN = {
    "predict_title": "Is it a cat?",
    "auto_training": "No model in this session yet: training the lesson's 4-layer network…",
    "model_source_auto": "Using the lesson's 4-layer network, trained just now for this "
    "session (it takes well under a second). Train your own on the Training page.",
    "model_source_session": "Using your latest model from the Training page: {label}.",
    "model_source_file": "Using the model loaded from {label}.",
    "load_model": "Load a model file (.npz)",
    "load_model_help": "A model downloaded from the Training page.",
    "model_invalid": "This model file was refused: {error}",
    "model_sees": "what the model sees (64×64), enlarged",
    "framing_label": "How a picture becomes 64×64",
    "framing_crop": "Centre square",
    "framing_fit": "Fit whole picture",
    "framing_help": "The network only takes square 64×64 pictures. Centre square keeps the "
    "middle of a wide or tall photo and cuts off the rest (the lesson's pictures are square). "
    "Fit whole picture shrinks all of it into the square and fills the bands above and below "
    "(or beside) by repeating its edges. The photo shows the square either way.",
    "framing_shown_crop": "the orange square is what the network gets; the darkened rest is cut "
    "off",
    "framing_shown_fit": "the whole picture is shrunk into the orange square; the darkened bands "
    "repeat its edges",
    "verdict_cat": "🐱 Cat",
    "verdict_noncat": "🚫 Not a cat",
    "verdict_unfamiliar": "❓ No answer to trust",
    "verdict_forced": "A network must give one of its answers, whatever the picture, so it "
    "does: {answer}.",
    "p_cat": "P(cat)",
    "two_sentences": "{a} {b}",  # one sentence after another (Chinese: no space)
    "conf_far": "P is far from 0.5.",
    "conf_mid": "P is fairly far from 0.5.",
    "conf_near": "P is close to 0.5: the model hardly leans either way.",
    "evidence_lesson": "On the {m} test pictures (not used in training), P was at least this "
    "far from 0.5 for {n}: {right} of {n} right.",
    "evidence_own": "On your {m} test pictures (not used in training), P was at least this far "
    "from 0.5 for {n}: {right} of {n} right.",
    "evidence_none_lesson": "None of the {m} test pictures (not used in training) got a P this "
    "far from 0.5: nothing shows how often such an answer is right.",
    "evidence_none_own": "None of your {m} test pictures (not used in training) got a P this "
    "far from 0.5: nothing shows how often such an answer is right.",
    "testset_silent": "{k} of these pictures silence a whole hidden layer (layer {l}: all its "
    "units 0), so they all get the same P, whatever else is in them.",
    "silent_layer": "**Layer {l} went silent**: all {n} of its units are 0 for this picture. "
    "From there on only biases reach the output ({biases}), so "
    "{P} = {p} for every picture that silences layer {l}. How far that is from 0.5 says nothing "
    "about this picture, only that no unit of layer {l} responded to it.",
    "evidence_silent_lesson": "On the {m} test pictures (not used in training), layer {l} "
    "went silent for {n}: {right} of {n} right.",
    "evidence_silent_own": "On your {m} test pictures (not used in training), layer {l} went "
    "silent for {n}: {right} of {n} right.",
    "evidence_silent_none_lesson": "None of the {m} test pictures (not used in training) "
    "silences layer {l}: nothing shows how often such an answer is right.",
    "evidence_silent_none_own": "None of your {m} test pictures (not used in training) "
    "silences layer {l}: nothing shows how often such an answer is right.",
    "conf_unfamiliar": "Far from 0.5 or not, P says nothing here: the model was never shown "
    "a picture like this one.",
    "conf_far_named": "Between its two classes, P is far from 0.5, toward this one.",
    "conf_mid_named": "Between its two classes, P is fairly far from 0.5, toward this one.",
    "conf_near_named": "P is close to 0.5: the model hardly leans to either of its two classes.",
    "tab_upload": "Upload pictures",
    "tab_camera": "Camera",
    "tab_testset": "Test set",
    "upload_help": "JPEG, PNG, WebP, GIF or BMP, up to 10 MB each; several at once.",
    "camera_on": "Use the camera",
    "camera_take": "Take a picture",
    "camera_photo": "camera picture",
    "testset_intro": "The model on the {m} test pictures: {acc} right. ✅ right, ❌ wrong.",
    "only_mistakes": "Show only the mistakes",
}

ZH = {
    "predict_title": "是猫吗？",
    "auto_training": "本次会话还没有模型：正在训练本课的 4 层网络…",
    "model_source_auto": "正在使用本课的 4 层网络，刚刚为本次会话训练（不到一秒）。可以在训练页"
    "训练你自己的模型。",
    "model_source_session": "正在使用你在训练页最新训练的模型：{label}。",
    "model_source_file": "正在使用从 {label} 载入的模型。",
    "load_model": "载入模型文件 (.npz)",
    "load_model_help": "从训练页下载的模型。",
    "model_invalid": "这个模型文件被拒绝：{error}",
    "model_sees": "模型看到的图片 (64×64)，放大显示",
    "framing_label": "图片如何变成 64×64",
    "framing_crop": "中间的正方形",
    "framing_fit": "完整图片",
    "framing_help": "网络只接受 64×64 的正方形图片。“中间的正方形”保留宽或高照片的中间部分，其余裁掉"
    "（本课的图片都是正方形）。“完整图片”把整张图缩小放进正方形，上下（或左右）空出的部分用图片边缘的"
    "像素重复填充。两种方式都会在照片上画出这个正方形。",
    "framing_shown_crop": "橙色方框是网络得到的部分；变暗的其余部分被裁掉",
    "framing_shown_fit": "整张图缩小放进橙色方框；变暗的条带重复了图片的边缘",
    "verdict_cat": "🐱 是猫",
    "verdict_noncat": "🚫 不是猫",
    "verdict_unfamiliar": "❓ 没有可信的答案",
    "verdict_forced": "无论输入什么图片，网络都必须给出它的一个答案，所以它给出了：{answer}。",
    "p_cat": "P(猫)",
    "two_sentences": "{a}{b}",
    "conf_far": "P 远离 0.5。",
    "conf_mid": "P 离 0.5 比较远。",
    "conf_near": "P 接近 0.5：模型几乎不偏向任何一边。",
    "evidence_lesson": "在 {m} 张测试图片（训练时没用过）中，有 {n} 张的 P 至少离 0.5 这么远："
    "{n} 张中对了 {right} 张。",
    "evidence_own": "在你的 {m} 张测试图片（训练时没用过）中，有 {n} 张的 P 至少离 0.5 这么远："
    "{n} 张中对了 {right} 张。",
    "evidence_none_lesson": "{m} 张测试图片（训练时没用过）中没有一张的 P 离 0.5 这么远："
    "无从得知这样的回答有多常是对的。",
    "evidence_none_own": "你的 {m} 张测试图片（训练时没用过）中没有一张的 P 离 0.5 这么远："
    "无从得知这样的回答有多常是对的。",
    "testset_silent": "其中 {k} 张图片让一整个隐藏层沉默（第 {l} 层：所有单元都是 0），所以不管图里还有"
    "什么，它们得到的 P 都一样。",
    "silent_layer": "**第 {l} 层完全沉默了**：对这张图片，它的 {n} 个单元全都是 0。从这里往后，"
    "只有偏置能传到输出（{biases}），所以对每一张让第 {l} 层沉默的图片，{P} 都等于 {p}。"
    "它离 0.5 有多远说明不了这张图片的任何情况，只说明第 {l} 层没有一个单元对它有反应。",
    "evidence_silent_lesson": "在 {m} 张测试图片（训练时没用过）中，有 {n} 张也让第 {l} 层沉默："
    "{n} 张中对了 {right} 张。",
    "evidence_silent_own": "在你的 {m} 张测试图片（训练时没用过）中，有 {n} 张也让第 {l} 层沉默："
    "{n} 张中对了 {right} 张。",
    "evidence_silent_none_lesson": "{m} 张测试图片（训练时没用过）中没有一张让第 {l} 层沉默："
    "无从得知这样的回答有多常是对的。",
    "evidence_silent_none_own": "你的 {m} 张测试图片（训练时没用过）中没有一张让第 {l} 层沉默："
    "无从得知这样的回答有多常是对的。",
    "conf_unfamiliar": "无论 P 离 0.5 远不远，这里它都说明不了什么：模型从没见过这样的图片。",
    "conf_far_named": "在它的两个类别之间，P 远离 0.5，偏向这一类。",
    "conf_mid_named": "在它的两个类别之间，P 离 0.5 比较远，偏向这一类。",
    "conf_near_named": "P 接近 0.5：模型几乎不偏向它两个类别中的任何一个。",
    "tab_upload": "上传图片",
    "tab_camera": "摄像头",
    "tab_testset": "测试集",
    "upload_help": "JPEG、PNG、WebP、GIF 或 BMP，每张最多 10 MB；可一次上传多张。",
    "camera_on": "使用摄像头",
    "camera_take": "拍照",
    "camera_photo": "摄像头照片",
    "testset_intro": "模型在 {m} 张测试图片上：{acc} 正确。✅ 正确，❌ 错误。",
    "only_mistakes": "只显示分错的图片",
}
