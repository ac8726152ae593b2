"""The app's core text: navigation, data, training, prediction (the theory page: theory.py).

Texts with ``{placeholders}`` are filled by :func:`ui.core.i18n.t`; the others are used as they are
(so LaTeX braces in them need no escaping).
"""

EN = {
    # navigation
    "browser_tab_title": "Deep neural networks, live",
    "nav_theory": "Theory",
    "nav_training": "Training",
    "nav_prediction": "Is it a cat?",
    # data
    "data_missing": "The cat pictures are not here yet (the data folder, {folder}, does not have "
    "them). The app downloads them on the first visit (about 3 MB, checked against their SHA-256 "
    "sums); the button below tries again, and in a terminal it is:",
    "download_button": "Download the data",
    "data_damaged": "The data is damaged: download it again. ({error}.) The button below replaces "
    "the damaged files; in a terminal it is:",
    "download_failed": "The download failed: {error}.",
    "download_done": "Data downloaded and verified.",
    # training controls
    "preset": "Preset",
    "preset_help": "The lesson's two experiments, one click each; change any control to make "
    "your own.",
    "preset_lesson4": "Lesson: 4-layer [12288, 20, 7, 5, 1]",
    "preset_lesson2": "Lesson: 2-layer [12288, 7, 1]",
    "preset_custom": "Custom",
    # the select box shows a short name (a 1280-px screen cut the long one); the sizes below it
    "preset_short_lesson4": "Lesson: 4-layer",
    "preset_short_lesson2": "Lesson: 2-layer",
    "preset_short_custom": "Custom",
    "preset_dims": "Layer sizes {dims}",
    "hidden_layers": "Hidden layers (L − 1)",
    "hidden_layers_help": "L counts the hidden layers and the output layer, not the input.",
    "units_help": "Hidden units n^[l] of this layer.",
    "learning_rate": "Learning rate α",
    "learning_rate_help": "Step size of gradient descent (log scale). Too large and the cost "
    "jumps around or blows up.",
    "iterations": "Iterations",
    "iterations_help": "Gradient-descent updates (epochs with mini-batches).",
    "seed": "Random seed",
    "seed_help": "Seeds the initialization; the same seed gives the same run.",
    "advanced": "Advanced: activation, initialization, L2, optimizer, mini-batches",
    "activation": "Hidden activation g",
    "act_relu": "ReLU (lesson)",
    "act_tanh": "tanh",
    "act_leaky_relu": "leaky ReLU",
    "act_sigmoid": "sigmoid",
    "activation_help": "The output layer is always a sigmoid, for P(cat).",
    "initialization": "Initialization",
    "init_lesson": "randn / √n[l−1] (lesson)",
    "init_he": "He: randn · √(2 / n[l−1])",
    "init_xavier": "Xavier: randn · √(2 / (n[l−1] + n[l]))",
    "init_small": "small: randn × 0.01",
    "initialization_help": "Try “small” on the 4-layer net: the signal shrinks layer after "
    "layer and learning stalls — that is why deep nets scale their initial weights.",
    "l2": "L2 regularization λ",
    "l2_help": "Adds (λ/2m) Σ‖W‖² to the cost: smaller weights, often less overfitting.",
    "optimizer": "Optimizer",
    "opt_gd": "gradient descent (lesson)",
    "opt_momentum": "momentum (β = 0.9)",
    "opt_adam": "Adam",
    "optimizer_help": "Gradient descent and momentum use the fast dual engine; Adam uses the "
    "textbook one.",
    "batch_size": "Mini-batch size",
    "full_batch": "full batch (lesson)",
    "batch_size_help": "Full batch uses all 209 pictures for each update.",
    # training page
    "training_title": "Train a deep network",
    "training_run_heading": "The run and its results",
    "training_intro": "Pick an architecture and hyperparameters, press Train, and watch the "
    "cost fall. Stop at any time; Continue resumes exactly where the run stopped.",
    "train": "▶ Train",
    "stop": "■ Stop",
    "continue": "⏩ Continue",
    "reset": "↺ Reset",
    "continue_iterations": "Continue adds this many iterations",
    "waiting_slot": "Waiting for the server: other sessions are training…",
    "busy": "The previous run is still stopping; reload the page in a moment.",
    "nothing_to_continue": "There is no run to stop or continue yet: press Train first.",
    "no_run_yet": "No run yet. Choose a preset and press **Train** — the lesson's 4-layer "
    "network trains in well under a second.",
    "chart_cost": "cost J",
    "chart_train": "train accuracy",
    "chart_test": "test accuracy",
    "chart_iteration": "iteration",
    "chart_accuracy": "accuracy",
    "progress": "iteration {i:,} / {n:,} · {rate} iterations/s",
    "status_timed_out": "This run reached the {s:.0f} s limit of a shared server at iteration "
    "{i}. Press Continue to go on.",
    "status_stopped": "Stopped at iteration {i}. Continue resumes from here, exactly as if the "
    "run had never stopped.",
    "status_finished": "Finished: {n} iterations in {s} s.",
    "status_finished_one": "Finished: {n} iteration in {s} s.",
    "cost_went_up": "The cost is higher now than at the start: the learning rate is probably "
    "too large.",
    "train_accuracy": "Train accuracy",
    "test_accuracy": "Test accuracy",
    "iterations_done": "Iterations",
    "time": "Training time",
    "seconds": "{s} s",
    "engine_dual": "Fast dual engine: the first layer is trained through the 209×209 Gram "
    "matrix XᵀX, with the same numbers as the textbook engine.",
    "engine_textbook": "Textbook engine: W[1] X is computed at every step.",
    "tab_compare": "Compare runs",
    "tab_confusion": "Confusion matrix",
    "tab_mistakes": "Mistakes",
    "tab_weights": "First-layer weights",
    "tab_download": "Download",
    "compare_pick": "Runs to overlay (the last 10 are kept)",
    "run": "Run",
    "final_cost": "Last cost",
    "true_class": "true",
    "predicted_class": "predicted",
    "class_noncat": "non-cat",
    "class_cat": "cat",
    "mistakes_intro": "{n} of the {m} test pictures are misclassified:",
    "mistakes_intro_one": "{n} of the {m} test pictures is misclassified:",
    "mistake_caption": "P(cat) = {p}, really {truth}",
    "weights_intro": "Each row of W[1] has 12,288 weights, one per pixel value: drawn as a "
    "64×64 picture it shows what that unit looks for.",
    "unit": "unit",
    "download_model": "Model (.npz)",
    "download_costs": "Cost history (CSV)",
    # theory page
    # prediction page
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
    "browser_tab_title": "深层神经网络，现场训练",
    "nav_theory": "理论",
    "nav_training": "训练",
    "nav_prediction": "是猫吗？",
    "data_missing": "还没有猫图数据（数据文件夹 {folder} 中没有）。应用会在首次访问时自动下载"
    "（约 3 MB，会校验 SHA-256）；下方按钮可重试，在终端中的命令是：",
    "download_button": "下载数据",
    "data_damaged": "数据已损坏：请重新下载。（{error}。）下方按钮会替换损坏的文件；在终端中的命令是：",
    "download_failed": "下载失败：{error}。",
    "download_done": "数据已下载并校验通过。",
    "preset": "预设",
    "preset_help": "本课的两个实验，一键重现；改动任何控件即为自定义。",
    "preset_lesson4": "本课：4 层 [12288, 20, 7, 5, 1]",
    "preset_lesson2": "本课：2 层 [12288, 7, 1]",
    "preset_custom": "自定义",
    "preset_short_lesson4": "本课：4 层",
    "preset_short_lesson2": "本课：2 层",
    "preset_short_custom": "自定义",
    "preset_dims": "各层大小 {dims}",
    "hidden_layers": "隐藏层数 (L − 1)",
    "hidden_layers_help": "层数 L 包括隐藏层和输出层，不包括输入层。",
    "units_help": "该层的隐藏单元数 n^[l]。",
    "learning_rate": "学习率 α",
    "learning_rate_help": "梯度下降的步长（对数刻度）。太大时成本会来回跳动甚至发散。",
    "iterations": "迭代次数",
    "iterations_help": "梯度下降的更新次数（使用小批量时为轮数）。",
    "seed": "随机种子",
    "seed_help": "决定初始化；相同的种子得到相同的结果。",
    "advanced": "高级：激活函数、初始化、L2、优化器、小批量",
    "activation": "隐藏层激活函数 g",
    "act_relu": "ReLU（本课）",
    "act_tanh": "tanh",
    "act_leaky_relu": "Leaky ReLU",
    "act_sigmoid": "sigmoid",
    "activation_help": "输出层始终是 sigmoid，输出 P(猫)。",
    "initialization": "初始化",
    "init_lesson": "randn / √n[l−1]（本课）",
    "init_he": "He：randn · √(2 / n[l−1])",
    "init_xavier": "Xavier：randn · √(2 / (n[l−1] + n[l]))",
    "init_small": "很小：randn × 0.01",
    "initialization_help": "在 4 层网络上试试“很小”：信号逐层变小，学习停滞——这就是深层网络"
    "要缩放初始权重的原因。",
    "l2": "L2 正则化 λ",
    "l2_help": "在成本中加入 (λ/2m) Σ‖W‖²：权重更小，通常过拟合更少。",
    "optimizer": "优化器",
    "opt_gd": "梯度下降（本课）",
    "opt_momentum": "动量 (β = 0.9)",
    "opt_adam": "Adam",
    "optimizer_help": "梯度下降和动量使用快速的对偶引擎；Adam 使用教科书引擎。",
    "batch_size": "小批量大小",
    "full_batch": "全批量（本课）",
    "batch_size_help": "全批量：每次更新使用全部 209 张图片。",
    "training_title": "训练深层神经网络",
    "training_run_heading": "训练及其结果",
    "training_intro": "选择网络结构和超参数，点击“训练”，看着成本下降。随时可以停止；“继续”"
    "会从停下的地方精确地接着训练。",
    "train": "▶ 训练",
    "stop": "■ 停止",
    "continue": "⏩ 继续",
    "reset": "↺ 重置",
    "continue_iterations": "“继续”增加的迭代次数",
    "waiting_slot": "正在等待服务器：其他会话正在训练…",
    "busy": "上一次运行还在停止中；请稍后刷新页面。",
    "nothing_to_continue": "还没有可以停止或继续的运行：请先点击“训练”。",
    "no_run_yet": "还没有运行。选择一个预设并点击 **训练** —— 本课的 4 层网络不到一秒就能训练完。",
    "chart_cost": "成本 J",
    "chart_train": "训练集准确率",
    "chart_test": "测试集准确率",
    "chart_iteration": "迭代",
    "chart_accuracy": "准确率",
    "progress": "迭代 {i:,} / {n:,} · 每秒 {rate} 次迭代",
    "status_timed_out": "本次运行在第 {i} 次迭代达到共享服务器 {s:.0f} 秒的时间上限。点击“继续”"
    "接着训练。",
    "status_stopped": "已在第 {i} 次迭代停止。“继续”会从这里接着训练，结果与从未停止完全相同。",
    "status_finished": "完成：{n} 次迭代，用时 {s} 秒。",
    "status_finished_one": "完成：{n} 次迭代，用时 {s} 秒。",
    "cost_went_up": "现在的成本比开始时还高：学习率可能太大了。",
    "train_accuracy": "训练集准确率",
    "test_accuracy": "测试集准确率",
    "iterations_done": "迭代次数",
    "time": "训练时间",
    "seconds": "{s} 秒",
    "engine_dual": "快速对偶引擎：第一层通过 209×209 的 Gram 矩阵 XᵀX 训练，结果与教科书引擎相同。",
    "engine_textbook": "教科书引擎：每一步都计算 W[1] X。",
    "tab_compare": "比较各次运行",
    "tab_confusion": "混淆矩阵",
    "tab_mistakes": "分错的图片",
    "tab_weights": "第一层权重",
    "tab_download": "下载",
    "compare_pick": "要叠加显示的运行（保留最近 10 次）",
    "run": "运行",
    "final_cost": "最终成本",
    "true_class": "真实",
    "predicted_class": "预测",
    "class_noncat": "非猫",
    "class_cat": "猫",
    "mistakes_intro": "{m} 张测试图片中有 {n} 张分错了：",
    "mistakes_intro_one": "{m} 张测试图片中有 {n} 张分错了：",
    "mistake_caption": "P(猫) = {p}，实际是{truth}",
    "weights_intro": "W[1] 的每一行有 12,288 个权重，每个像素值一个：画成 64×64 的图片，"
    "就能看出这个单元在寻找什么。",
    "unit": "单元",
    "download_model": "模型 (.npz)",
    "download_costs": "成本记录 (CSV)",
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
