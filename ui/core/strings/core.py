"""The app's core text (navigation, data, training, prediction, theory) and the equations.

Texts with ``{placeholders}`` are filled by :func:`ui.core.i18n.t`; the others are used as they are
(so LaTeX braces in them need no escaping).
"""

EQUATIONS = {
    # each display equation is narrow enough for a phone (about 340 px at KaTeX's size)
    "forward": [
        r"Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}",
        r"A^{[l]} = g^{[l]}\!\left(Z^{[l]}\right), \qquad A^{[0]} = X",
        r"g^{[l]} = \mathrm{ReLU}\quad (l < L)",
        r"g^{[L]} = \sigma(z) = \frac{1}{1 + e^{-z}}",
    ],
    "cost": r"\begin{aligned} J &= -\frac{1}{m} \sum_{i=1}^{m} \Big[\, y^{(i)} \log a^{[L](i)} \\"
    r" &\qquad + \left(1 - y^{(i)}\right) \log\left(1 - a^{[L](i)}\right) \Big] \end{aligned}",
    # one example (the lesson's (1)–(5)); (5) is (4) of layer l+1 put into (1)
    "backward_single": [
        r"(1)\quad dz^{[l]} = da^{[l]} * g^{[l]\prime}\!\left(z^{[l]}\right)",
        r"(2)\quad dW^{[l]} = dz^{[l]}\, a^{[l-1]\,T}",
        r"(3)\quad db^{[l]} = dz^{[l]}",
        r"(4)\quad da^{[l-1]} = W^{[l]\,T} dz^{[l]}",
        r"\begin{aligned} (5)\quad dz^{[l]} = {} & W^{[l+1]\,T} dz^{[l+1]} \\"
        r" & * g^{[l]\prime}\!\left(z^{[l]}\right) \end{aligned}",
    ],
    # all m examples at once, vectorized (the lesson's (6)–(9))
    "backward": [
        r"(6)\quad dZ^{[l]} = dA^{[l]} * g^{[l]\prime}\!\left(Z^{[l]}\right)",
        r"(7)\quad dW^{[l]} = \frac{1}{m}\, dZ^{[l]} A^{[l-1]\,T}",
        r"(8)\quad db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}",
        r"(9)\quad dA^{[l-1]} = W^{[l]\,T} dZ^{[l]}",
    ],
    "update": r"\begin{aligned} W^{[l]} &:= W^{[l]} - \alpha\, dW^{[l]} \\"
    r" b^{[l]} &:= b^{[l]} - \alpha\, db^{[l]} \end{aligned}",
}

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
    "status_finished": "Finished: {i} iterations in {s} s.",
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
    "mistake_caption": "P(cat) = {p}, really {truth}",
    "weights_intro": "Each row of W[1] has 12,288 weights, one per pixel value: drawn as a "
    "64×64 picture it shows what that unit looks for.",
    "unit": "unit",
    "download_model": "Model (.npz)",
    "download_costs": "Cost history (CSV)",
    # theory page
    "theory_title": "Deep (L-layer) neural networks",
    "theory_layers": "**Counting layers.** Count from left to right, leave out the input layer "
    "and include the output layer: $L$ = hidden layers + 1. Logistic regression is a 1-layer "
    "network. The lesson's example has $L = 4$, with $n^{[0]} = n_x = 3$ inputs, "
    "$n^{[1]} = 5$, $n^{[2]} = 5$, $n^{[3]} = 3$ and $n^{[4]} = n^{[L]} = 1$ output unit.",
    "notation_title": "Notation",
    "notation_table": """| symbol | meaning |
|---|---|
| superscript $(i)$ | the $i$-th training example |
| superscript $[l]$ | layer $l$ |
| $m$ | number of examples in the data set |
| $n_x = n^{[0]}$ | input size |
| $n_y = n^{[L]}$ | output size: 1 unit for two classes (it gives P(cat)) |
| $n_h^{[l]}$ | hidden units of layer $l$ |
| $L$ | number of layers |
| $W^{[l]}, b^{[l]}$ | weights and bias of layer $l$ |
| $z^{[l]}, a^{[l]}, g^{[l]}$ | pre-activation, activation and activation function of layer $l$ |
""",
    "forward_title": "Forward propagation",
    "forward_text": "For one example, $z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}$ and "
    "$a^{[l]} = g^{[l]}(z^{[l]})$. Stacking the $m$ examples as columns gives the vectorized "
    "form ($b$ is broadcast over the columns):",
    "cost_title": "Cost (cross-entropy)",
    "backward_title": "Backward propagation",
    "backward_text": "From the output back to layer 1. With a sigmoid output, "
    "$dA^{[L]} = -\\left(\\frac{Y}{A^{[L]}} - \\frac{1-Y}{1-A^{[L]}}\\right)$ simplifies to "
    "$dZ^{[L]} = A^{[L]} - Y$. Then, layer by layer, for one example (1)–(5) and for all $m$ "
    "examples at once (6)–(9):",
    "backward_single": "One example",
    "backward_vectorized": "All $m$ examples (vectorized)",
    "backward_sum": "$dZ^{[l](i)}$ is column $i$ of $dZ^{[l]}$: (8) adds up the $m$ examples. "
    "In NumPy:",
    "code_dw": "(n[l], n[l-1]), as W[l]",
    "code_db": "(n[l], 1): the sum over the m examples",
    "update_title": "One step of gradient descent, for every layer:",
    "dims_title": "Matrix dimensions",
    "dims_text": "$W^{[l]}$ and $dW^{[l]}$ are $(n^{[l]}, n^{[l-1]})$; $b^{[l]}$ and "
    "$db^{[l]}$ are $(n^{[l]}, 1)$; vectorized, $Z^{[l]}$ and $A^{[l]}$ are $(n^{[l]}, m)$. "
    "Parameters keep their shapes; $Z$, $A$ and $X$ gain the $m$ columns. The table below is "
    "computed by the same `dnn` code that trains the network — type your own architecture.",
    "dims_arch": "Layer sizes n[0], n[1], …, n[L]",
    "dims_arch_help": "Separated by commas or spaces (brackets are fine), input first, e.g. "
    "3 5 5 3 1 (the lesson's example).",
    "dims_m": "Examples m",
    "dims_bad": "Write 2 to 20 whole numbers from 1 to 100,000, separated by commas or "
    "spaces, e.g. 12288 20 7 5 1. Showing the lesson's network instead.",
    "dims_params": "parameters",
    "dims_total": "{n} parameters in all (L = {L}).",
    "diagram_input": "input",
    "diagram_hidden": "hidden",
    "diagram_output": "output",
    "diagram_unit": "unit",
    "diagram_units": "units",
    "params_title": "Parameters vs hyperparameters",
    "params_text": """**Parameters** — learned by gradient descent:
- $W^{[1]}, b^{[1]}, W^{[2]}, b^{[2]}, \\dots$

**Hyperparameters** — chosen by you; they control what $W$ and $b$ end up being:
- the learning rate $\\alpha$
- the number of iterations
- the number of layers $L$
- the hidden units $n^{[1]}, n^{[2]}, \\dots$
- the choice of activation function

You set them on the Training page. Finding good values is an empirical loop: try, look at the \
cost, adjust.""",
    "data_title": "The data: cat or non-cat",
    "data_text": "{m} training and {m_test} test RGB pictures of 64×64 pixels ({cats} training "
    "cats), labelled 1 (cat) or 0 (non-cat). Each picture is flattened into a column of "
    "64·64·3 = 12,288 values and divided by 255: X_train is (12288, {m}) and Y_train is "
    "(1, {m}).",
    "data_page": "Page of training pictures",
    "flatten_text": "**From picture to vector.** The 64×64×3 array is read row by row, and "
    "within a pixel red, green, blue: value k of the column is pixel (k // 192, k // 3 % 64), "
    "channel k % 3.",
    "flatten_pick": "Picture number",
    "flatten_caption": "#{i}: an array (64, 64, 3) of uint8",
    "flatten_comment_shape": "one column of X",
    "flatten_comment_pixel": "pixel ({r}, {c}), channel {channel}",
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
    "conf_very": "The model is very sure (P far from 0.5).",
    "conf_fair": "The model is fairly sure.",
    "conf_unsure": "The model is unsure: P is close to 0.5.",
    "conf_unfamiliar": "Far from 0.5 or not, P says nothing here: the model was never shown "
    "a picture like this one.",
    "conf_very_named": "Between its two classes, the model leans strongly to this one (P far "
    "from 0.5).",
    "conf_fair_named": "Between its two classes, the model leans to this one.",
    "conf_unsure_named": "The model cannot decide between its two classes: P is close to 0.5.",
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
    "status_finished": "完成：{i} 次迭代，用时 {s} 秒。",
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
    "mistake_caption": "P(猫) = {p}，实际是{truth}",
    "weights_intro": "W[1] 的每一行有 12,288 个权重，每个像素值一个：画成 64×64 的图片，"
    "就能看出这个单元在寻找什么。",
    "unit": "单元",
    "download_model": "模型 (.npz)",
    "download_costs": "成本记录 (CSV)",
    "theory_title": "深层（L 层）神经网络",
    "theory_layers": "**层数。** 从左往右数，不算输入层，算上输出层：$L$ = 隐藏层数 + 1。"
    "逻辑回归是 1 层网络。本课的例子 $L = 4$：$n^{[0]} = n_x = 3$ 个输入，$n^{[1]} = 5$，"
    "$n^{[2]} = 5$，$n^{[3]} = 3$，$n^{[4]} = n^{[L]} = 1$ 个输出单元。",
    "notation_title": "符号",
    "notation_table": """| 符号 | 含义 |
|---|---|
| 上标 $(i)$ | 第 $i$ 个训练样本 |
| 上标 $[l]$ | 第 $l$ 层 |
| $m$ | 数据集的样本数 |
| $n_x = n^{[0]}$ | 输入大小 |
| $n_y = n^{[L]}$ | 输出大小：两个类别只需 1 个单元（它给出 P(猫)） |
| $n_h^{[l]}$ | 第 $l$ 层的隐藏单元数 |
| $L$ | 层数 |
| $W^{[l]}, b^{[l]}$ | 第 $l$ 层的权重和截距（偏置） |
| $z^{[l]}, a^{[l]}, g^{[l]}$ | 第 $l$ 层的线性值、激活值和激活函数 |
""",
    "forward_title": "前向传播",
    "forward_text": "单个样本：$z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}$，"
    "$a^{[l]} = g^{[l]}(z^{[l]})$。把 $m$ 个样本按列排在一起，就得到向量化形式"
    "（$b$ 按列广播）：",
    "cost_title": "成本函数（交叉熵）",
    "backward_title": "反向传播",
    "backward_text": "从输出层往回算到第 1 层。输出层是 sigmoid 时，"
    "$dA^{[L]} = -\\left(\\frac{Y}{A^{[L]}} - \\frac{1-Y}{1-A^{[L]}}\\right)$ 化简为 "
    "$dZ^{[L]} = A^{[L]} - Y$。然后逐层往回算：单个样本是 (1)–(5)，$m$ 个样本一起算是 (6)–(9)：",
    "backward_single": "单个样本",
    "backward_vectorized": "$m$ 个样本（向量化）",
    "backward_sum": "$dZ^{[l](i)}$ 是 $dZ^{[l]}$ 的第 $i$ 列：(8) 把 $m$ 个样本加起来。用 NumPy 写：",
    "code_dw": "(n[l], n[l-1])，与 W[l] 相同",
    "code_db": "(n[l], 1)：对 m 个样本求和",
    "update_title": "每一层做一步梯度下降：",
    "dims_title": "矩阵的维数",
    "dims_text": "$W^{[l]}$ 和 $dW^{[l]}$ 是 $(n^{[l]}, n^{[l-1]})$；$b^{[l]}$ 和 $db^{[l]}$ 是 "
    "$(n^{[l]}, 1)$；向量化后 $Z^{[l]}$ 和 $A^{[l]}$ 是 $(n^{[l]}, m)$。参数的维数不变；"
    "$Z$、$A$ 和 $X$ 多了 $m$ 列。下表由训练网络的同一份 `dnn` 代码计算——输入你自己的网络结构试试。",
    "dims_arch": "各层大小 n[0], n[1], …, n[L]",
    "dims_arch_help": "用逗号或空格分隔（可以带方括号），输入层在前，例如 3 5 5 3 1（本课的例子）。",
    "dims_m": "样本数 m",
    "dims_bad": "请输入 2 到 20 个 1 到 100,000 之间的整数，用逗号或空格分隔，例如 12288 20 7 5 1。"
    "现在显示的是本课的网络。",
    "dims_params": "参数个数",
    "dims_total": "共 {n} 个参数（L = {L}）。",
    "diagram_input": "输入层",
    "diagram_hidden": "隐藏层",
    "diagram_output": "输出层",
    "diagram_unit": "个单元",
    "diagram_units": "个单元",
    "params_title": "参数 vs 超参数",
    "params_text": """**参数**——由梯度下降学习得到：
- $W^{[1]}, b^{[1]}, W^{[2]}, b^{[2]}, \\dots$

**超参数**——由你选择，它们决定 $W$ 和 $b$ 最终是什么：
- 学习率 $\\alpha$
- 迭代次数
- 层数 $L$
- 隐藏层单元数 $n^{[1]}, n^{[2]}, \\dots$
- 激活函数的选择

在训练页设置它们。找到好的取值是一个经验过程：尝试、看成本曲线、调整。""",
    "data_title": "数据：猫与非猫",
    "data_text": "{m} 张训练图片和 {m_test} 张测试图片，RGB，64×64 像素（训练集中有 {cats} 张猫），"
    "标签为 1（猫）或 0（非猫）。每张图片展平成 64·64·3 = 12,288 个值的一列并除以 255："
    "X_train 是 (12288, {m})，Y_train 是 (1, {m})。",
    "data_page": "训练图片页码",
    "flatten_text": "**从图片到向量。** 64×64×3 的数组逐行读取，每个像素内依次是红、绿、蓝："
    "列中的第 k 个值是像素 (k // 192, k // 3 % 64) 的第 k % 3 个通道。",
    "flatten_pick": "图片编号",
    "flatten_caption": "#{i}：(64, 64, 3) 的 uint8 数组",
    "flatten_comment_shape": "X 的一列",
    "flatten_comment_pixel": "像素 ({r}, {c})，通道 {channel}",
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
    "conf_very": "模型非常确定（P 远离 0.5）。",
    "conf_fair": "模型比较确定。",
    "conf_unsure": "模型不确定：P 接近 0.5。",
    "conf_unfamiliar": "无论 P 离 0.5 远不远，这里它都说明不了什么：模型从没见过这样的图片。",
    "conf_very_named": "在它的两个类别之间，模型强烈倾向于这一类（P 远离 0.5）。",
    "conf_fair_named": "在它的两个类别之间，模型倾向于这一类。",
    "conf_unsure_named": "模型无法在它的两个类别之间做出决定：P 接近 0.5。",
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
