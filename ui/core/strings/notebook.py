"""Text of "take it home": the notebook buttons and the notebook's Markdown cells.

Texts with ``$`` are LaTeX for Jupyter and are used as they are; the others are filled with
``str.format`` (a visitor's class names escaped first, see :mod:`ui.notebook.prose`).
"""

# equations (6)–(9) as the notebook's Markdown lists them, the same in both languages
BACKWARD = (
    r"- (6) $dZ^{[l]} = dA^{[l]} * g^{[l]\prime}(Z^{[l]})$"
    "\n"
    r"- (7) $dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}$"
    "\n"
    r"- (8) $db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}$"
    "\n"
    r"- (9) $dA^{[l-1]} = W^{[l]T} dZ^{[l]}$"
    "\n\n"
)

EN = {
    # the buttons
    "nb_download": "Open as a notebook (.ipynb)",
    "nb_pick": "A run of the comparison as a notebook",
    "nb_script": "Open as a Python script (.py)",
    "nb_help": "This run as a Jupyter notebook in plain NumPy: the lesson's functions written out "
    "with only this run's options, training that prints the same costs and accuracies as here, "
    "the cost plot and the mistakes. Put it in the same folder as {files}: its first cell reads "
    "them from there. It needs NumPy, h5py and Matplotlib.",
    "nb_help_script": "The same cells as a plain Python file: each starts with `# %%` (editors "
    "such as VS Code or Spyder run them one by one), and `python {name}` runs them all. Put it "
    "in the same folder as {files}.",
    "nb_files_lesson": "the lesson's data files `train_catvnoncat.h5` and `test_catvnoncat.h5`",
    "nb_files_classes": "your pictures' file `{file}` (saved on “Your own classes”)",
    "nb_files_both": "{classes} and {lesson}",
    # the notebook's Markdown
    "nb_md_title": "# A {L}-layer network in plain NumPy: {dims}",
    "nb_md_intro": "This notebook is a run of the app *Deep neural networks, live*, written out "
    "with the lesson's own functions in NumPy, without any library of ours. Run it from top to "
    "bottom (**Run ▸ Run All Cells**): it prints the cost every 100 iterations, then the "
    "accuracies, the same numbers as the app's (compare them with its chart, or with the cost "
    "history it downloads as CSV). It needs NumPy, h5py and Matplotlib, and {files} in the same folder as this notebook.",
    "nb_md_run": "**This run:** {settings}.",
    "nb_set_data_lesson": "the lesson's cat pictures",
    "nb_set_data_classes": "your classes **{first}** and **{second}**",
    "nb_set_data_both": "your classes **{first}** and **{second}** with the lesson's pictures",
    "nb_set_layers": "layers {dims}",
    "nb_set_lr": "learning rate α = {lr}",
    "nb_set_iterations": "{n} iterations",
    "nb_set_epochs": "{n} epochs in mini-batches of {batch}",
    "nb_set_seed": "seed {seed}",
    "nb_set_act": "hidden activation {name}",
    "nb_set_init_lesson": "the lesson's initialization",
    "nb_set_init_he": "He initialization",
    "nb_set_init_xavier": "Xavier initialization",
    "nb_set_init_small": "initialization × 0.01",
    "nb_set_l2": "L2 regularization λ = {l2}",
    "nb_set_gd": "gradient descent",
    "nb_set_momentum": "momentum β = {beta}",
    "nb_set_adam": "Adam (β1 = {beta1}, β2 = {beta2}, ε = {epsilon})",
    "nb_set_sep": "; ",
    "nb_md_data_lesson": "## 1. The data\n\n209 training and 50 test pictures, RGB, 64 × 64 pixels, "
    "labelled 1 (cat) or 0 (non-cat). Each picture is flattened to one column of 64·64·3 = "
    "12,288 values (in the order height, width, channel) and divided by 255, so that the "
    "examples are the columns of $X$: `train_x` is (12288, 209) and `train_y` is (1, 209), as "
    "in the lesson.",
    "nb_md_data_classes": "## 1. The data\n\nThe file holds every picture of your two classes: "
    "label 1 is your first class, **{first}**, and label 0 your second, **{second}**. As in the "
    "app, {share} of each class (at least one picture, and at least one left to train on) is "
    "held out as the test set, chosen by a hash of each picture's pixels: the very pictures the "
    "app held out. Each picture is then flattened to one column of 64·64·3 = 12,288 values and "
    "divided by 255.",
    "nb_md_data_with_lesson": "The lesson's pictures join yours, as you chose in the app: its cats "
    "join your first class and its non-cats your second, in the training and the test set alike.",
    "nb_md_init": "## 2. Initialization\n\nFor $l = 1, …, L$ in this order, from one random "
    "stream, `np.random.RandomState(seed)` (the stream `np.random.seed(seed)` gives): the same "
    "seed gives the app's starting weights, draw for draw. Every $b^{[l]}$ starts at zero, and",
    "nb_md_init_lesson": r"$W^{[l]} = \mathrm{randn}(n^{[l]}, n^{[l-1]}) / \sqrt{n^{[l-1]}}$ "
    "(the lesson's rule).",
    "nb_md_init_he": r"$W^{[l]} = \mathrm{randn}(n^{[l]}, n^{[l-1]}) \cdot \sqrt{2 / n^{[l-1]}}$ "
    "(He: made for ReLU, it keeps the signal's size from layer to layer).",
    "nb_md_init_xavier": r"$W^{[l]} = \mathrm{randn}(n^{[l]}, n^{[l-1]}) \cdot "
    r"\sqrt{2 / (n^{[l-1]} + n^{[l]})}$ (Xavier: made for tanh and the sigmoid).",
    "nb_md_init_small": r"$W^{[l]} = \mathrm{randn}(n^{[l]}, n^{[l-1]}) \cdot 0.01$ (too small "
    "for a deep network: the signal and the gradients shrink layer after layer).",
    "nb_md_forward": r"## 3. Forward propagation"
    "\n\n"
    r"$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ and $A^{[l]} = g^{[l]}(Z^{[l]})$, with $A^{[0]} = X$ "
    r"and $b$ broadcast over the $m$ columns. The output layer's $g^{[L]}$ is the sigmoid "
    r"$\sigma(z) = 1 / (1 + e^{-z})$, so $A^{[L]}$ is the probability of label 1.",
    "nb_md_act_relu": r"The hidden layers use ReLU, $g(z) = \max(0, z)$, as in the lesson.",
    "nb_md_act_tanh": r"The hidden layers use $g(z) = \tanh(z)$.",
    "nb_md_act_leaky_relu": r"The hidden layers use Leaky ReLU, $g(z) = \max(z, 0.01 z)$.",
    "nb_md_act_sigmoid": r"The hidden layers use the sigmoid too, $g(z) = \sigma(z)$.",
    "nb_md_cost": r"## 4. The cost"
    "\n\n"
    r"$J = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log a^{[L](i)} + (1 - y^{(i)}) "
    r"\log(1 - a^{[L](i)}) \right]$"
    "\n\n"
    r"`compute_cost` computes it from $Z^{[L]}$, as the app does: with $a = \sigma(z)$, "
    r"$-\log a = \log(1 + e^{-z})$ and $-\log(1 - a) = \log(1 + e^{z})$. It is the same number, "
    r"but it stays finite where $a$ rounds to exactly 0 or 1.",
    "nb_md_cost_l2": r"With L2 regularization the cost adds "
    r"$\frac{\lambda}{2m} \sum_l \lVert W^{[l]} \rVert^2$, where $m$ counts every training "
    "example (also with mini-batches).",
    "nb_md_backward": r"## 5. Backward propagation"
    "\n\n"
    r"With a sigmoid output, $dA^{[L]} = -\left(\frac{Y}{A^{[L]}} - \frac{1-Y}{1-A^{[L]}}\right)$ "
    r"simplifies to $dZ^{[L]} = A^{[L]} - Y$. Then, from layer $L$ down to layer 1:"
    "\n\n"
    + BACKWARD
    + r"These are (1)–(4) for all $m$ examples at once, and (5) is (9) put into (6). The code "
    r"divides $dZ^{[L]}$ by $m$ once, at the start: every gradient is linear in it, so (7) and "
    r"(8) need no $\frac{1}{m}$ of their own. Mathematically nothing changes; it saves "
    "operations, and it is how the app computes them, so that the numbers agree to the last "
    "digits.",
    "nb_md_backward_l2": r"With L2, each $dW^{[l]}$ gains $\frac{\lambda}{m} W^{[l]}$.",
    "nb_md_update_gd": r"## 6. The update"
    "\n\n"
    r"One step of gradient descent, for every layer: $W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}$ and "
    r"$b^{[l]} := b^{[l]} - \alpha\, db^{[l]}$.",
    "nb_md_update_momentum": r"## 6. The update: momentum"
    "\n\n"
    r"$v := \beta v + (1 - \beta)\, dW$ and $W := W - \alpha v$, the same for $b$: the step "
    "follows a running average of the gradients, which smooths it.",
    "nb_md_update_adam": r"## 6. The update: Adam"
    "\n\n"
    r"$v := \beta_1 v + (1 - \beta_1)\, dW$ and $s := \beta_2 s + (1 - \beta_2)\, dW^2$, "
    r"corrected for their start at zero: $\hat{v} = v / (1 - \beta_1^t)$ and "
    r"$\hat{s} = s / (1 - \beta_2^t)$, where $t$ counts every update from 1. Then "
    r"$W := W - \alpha\, \hat{v} / (\sqrt{\hat{s}} + \varepsilon)$, the same for $b$.",
    "nb_md_batches": "With mini-batches, an iteration is an epoch: the training pictures in a new "
    "random order (drawn from the stream that drew the initial weights), cut into batches of "
    "`mini_batch_size`, one update per batch. The epoch's cost is the mean of its batches' "
    "costs, each taken before its update, weighted by their sizes.",
    "nb_md_model": r"## 7. The model"
    "\n\n"
    r"`L_layer_model` initializes the parameters, then repeats forward propagation, the cost, "
    r"backward propagation and the update. The cost printed at iteration $i$ is that of the "
    r"forward pass before the $i$-th update, as in the lesson and the app. `predict` says 1 "
    r"where $a^{[L]} > 0.5$.",
    "nb_md_hyper": r"## 8. The hyperparameters"
    "\n\n"
    r"Your run's settings. The parameters $W$ and $b$ are learned; these hyperparameters decide "
    "what they end up being. Change one here, then run the cells below again.",
    "nb_md_train": "## 9. Training\n\nThe cost every 100 iterations. On a laptop this takes from a "
    "few seconds to a minute or two.",
    "nb_md_train_lesson4": "The lesson printed 0.771749, 0.672053, 0.648263, …, 0.092878: "
    "compare the first six decimals below.",
    "nb_md_plot": "## 10. The cost, iteration after iteration",
    "nb_md_accuracy": "## 11. Accuracy\n\nThe share of pictures labelled right: the pictures it "
    "learned from, and the test pictures it never saw.",
    "nb_md_accuracy_lesson4": "The lesson's 4-layer network: 206 of the 209 training pictures "
    "right (0.9856…), 40 of the 50 test pictures (0.8).",
    "nb_md_accuracy_lesson2": "The lesson's 2-layer network: all 209 training pictures right "
    "(1.0), 37 of the 50 test pictures (0.74).",
    "nb_md_mistakes": "## 12. The mistakes\n\nThe test pictures the network got wrong, each with "
    "what it predicted and what the picture really is.",
    "nb_md_next_stop": "**When to stop.** Inside `L_layer_model`, print the test accuracy every "
    "100 iterations. Where does it peak? (The lesson's 4-layer network peaks at 82 % near "
    "iteration 860 and ends at 80 %.) Choosing the iteration by the test pictures calls for a "
    "third set of pictures: why?",
    "nb_md_next": "## Try this next\n\n"
    "1. **Another depth.** Set `layers_dims = {other}` in the hyperparameters cell and run the "
    "cells from there again. Is the test accuracy higher or lower? And the training accuracy?\n"
    "2. **Another learning rate.** Try `learning_rate = {faster}`, then `{slower}`. Which curve "
    "falls faster? Does one of them stop falling, or blow up?\n"
    "3. {stop}\n"
    "4. **Back to the app.** Train your new settings there too and download their notebook: the "
    "numbers must be the same.",
}

ZH = {
    # 按钮
    "nb_pick": "把比较中的一次运行导出为笔记本",
    "nb_download": "下载为笔记本（`.ipynb`）",
    "nb_script": "下载为脚本（`.py`）",
    "nb_help": "这次运行的纯 NumPy 笔记本：本课的函数逐一写出，只含这次运行用到的选项；训练时打印的成本和准确率"
    "与这里相同，还有成本曲线和分错的图片。请把它和{files}放在同一个文件夹里：它的第一个单元从那里读取这些"
    "文件。需要 NumPy、`h5py` 和 `Matplotlib`。",
    "nb_help_script": "同样的单元格写成普通的脚本文件：每个单元以 `# %%` 开头（很多编辑器可以逐个运行），"
    "也可以用 `python {name}` 一次运行完。请把它和{files}放在同一个文件夹里。",
    "nb_files_lesson": "本课的数据文件 `train_catvnoncat.h5` 和 `test_catvnoncat.h5`",
    "nb_files_classes": "你的图片文件 `{file}`（在“你自己的两类”页面保存）",
    "nb_files_both": "{classes}以及{lesson}",
    # 笔记本的 Markdown
    "nb_md_title": "# 用纯 NumPy 写出的 {L} 层网络：{dims}",
    "nb_md_intro": "这个笔记本是应用“深层神经网络，现场训练”中的一次运行，用本课自己的函数以 NumPy 写出，不依赖"
    "我们的任何库。从上到下运行它（**运行 ▸ 运行所有单元格**）：它每 100 次迭代打印一次成本，最后打印准确率，"
    "数字与应用中的相同（可以和应用的图表，或它下载的成本记录 CSV 文件比较）。它需要 NumPy、`h5py` 和 `Matplotlib`，以及与本笔记本"
    "放在同一文件夹中的{files}。",
    "nb_md_run": "**这次运行**：{settings}。",
    "nb_set_data_lesson": "本课的猫图片",
    "nb_set_data_classes": "你的两类 **{first}** 和 **{second}**",
    "nb_set_data_both": "你的两类 **{first}** 和 **{second}**，加上本课的图片",
    "nb_set_layers": "各层大小 {dims}",
    "nb_set_lr": "学习率 α = {lr}",
    "nb_set_iterations": "{n} 次迭代",
    "nb_set_epochs": "{n} 轮，每批 {batch} 个样本",
    "nb_set_seed": "种子 {seed}",
    "nb_set_act": "隐藏层激活函数 {name}",
    "nb_set_init_lesson": "本课的初始化",
    "nb_set_init_he": "He 初始化",
    "nb_set_init_xavier": "Xavier 初始化",
    "nb_set_init_small": "初始化 × 0.01",
    "nb_set_l2": "L2 正则化 λ = {l2}",
    "nb_set_gd": "梯度下降",
    "nb_set_momentum": "动量 β = {beta}",
    "nb_set_adam": "Adam（β1 = {beta1}，β2 = {beta2}，ε = {epsilon}）",
    "nb_set_sep": "；",
    "nb_md_data_lesson": "## 1. 数据\n\n209 张训练图片和 50 张测试图片，RGB，64 × 64 像素，标签为 1（猫）或 0"
    "（非猫）。每张图片展平成一列 64·64·3 = 12,288 个值（按高、宽、通道的顺序）并除以 255，于是样本就是 $X$ "
    "的各列：`train_x` 是 (12288, 209)，`train_y` 是 (1, 209)，与本课相同。",
    "nb_md_data_classes": "## 1. 数据\n\n这个文件包含你两类的全部图片：标签 1 是你的第一类 **{first}**，标签 0 "
    "是第二类 **{second}**。与应用中一样，每类中 {share} 的图片（至少一张，并且至少留一张用于训练）留作测试集，"
    "按每张图片像素的哈希值选出：正是应用留出的那些图片。然后每张图片展平成一列 64·64·3 = 12,288 个值并除以 "
    "255。",
    "nb_md_data_with_lesson": "本课的图片也加入进来，与你在应用中的选择一样：它的猫并入你的第一类，非猫并入第二"
    "类，训练集和测试集都是如此。",
    "nb_md_init": "## 2. 初始化\n\n对 $l = 1, …, L$ 依次从同一个随机流 `np.random.RandomState(seed)` 中抽取"
    "（即 `np.random.seed(seed)` 给出的随机流）：相同的种子给出与应用完全相同的初始权重。每个 $b^{[l]}$ 都从零"
    "开始，并且",
    "nb_md_init_lesson": r"$W^{[l]} = \mathrm{randn}(n^{[l]}, n^{[l-1]}) / \sqrt{n^{[l-1]}}$"
    "（本课的规则）。",
    "nb_md_init_he": r"$W^{[l]} = \mathrm{randn}(n^{[l]}, n^{[l-1]}) \cdot \sqrt{2 / n^{[l-1]}}$"
    "（He：为 ReLU 设计，让信号的大小逐层保持不变）。",
    "nb_md_init_xavier": r"$W^{[l]} = \mathrm{randn}(n^{[l]}, n^{[l-1]}) \cdot "
    r"\sqrt{2 / (n^{[l-1]} + n^{[l]})}$（Xavier：为 tanh 和 sigmoid 设计）。",
    "nb_md_init_small": r"$W^{[l]} = \mathrm{randn}(n^{[l]}, n^{[l-1]}) \cdot 0.01$"
    "（对深层网络来说太小：信号和梯度一层比一层小）。",
    "nb_md_forward": r"## 3. 前向传播"
    "\n\n"
    r"$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$，$A^{[l]} = g^{[l]}(Z^{[l]})$，其中 $A^{[0]} = X$，"
    r"$b$ 广播到 $m$ 列上。输出层的 $g^{[L]}$ 是 sigmoid 函数 $\sigma(z) = 1 / (1 + e^{-z})$，"
    r"所以 $A^{[L]}$ 是标签为 1 的概率。",
    "nb_md_act_relu": r"隐藏层使用 ReLU，$g(z) = \max(0, z)$，与本课相同。",
    "nb_md_act_tanh": r"隐藏层使用 $g(z) = \tanh(z)$。",
    "nb_md_act_leaky_relu": r"隐藏层使用 Leaky ReLU，$g(z) = \max(z, 0.01 z)$。",
    "nb_md_act_sigmoid": r"隐藏层也使用 sigmoid，$g(z) = \sigma(z)$。",
    "nb_md_cost": r"## 4. 成本"
    "\n\n"
    r"$J = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log a^{[L](i)} + (1 - y^{(i)}) "
    r"\log(1 - a^{[L](i)}) \right]$"
    "\n\n"
    r"`compute_cost` 与应用一样由 $Z^{[L]}$ 计算：设 $a = \sigma(z)$，则 "
    r"$-\log a = \log(1 + e^{-z})$，$-\log(1 - a) = \log(1 + e^{z})$。数值相同，但在 $a$ 恰好舍入为 0 "
    r"或 1 时仍是有限值。",
    "nb_md_cost_l2": r"使用 L2 正则化时，成本加上 $\frac{\lambda}{2m} \sum_l \lVert W^{[l]} \rVert^2$，"
    r"其中 $m$ 是全部训练样本数（使用小批量时也是如此）。",
    "nb_md_backward": r"## 5. 反向传播"
    "\n\n"
    r"输出层是 sigmoid 时，$dA^{[L]} = -\left(\frac{Y}{A^{[L]}} - \frac{1-Y}{1-A^{[L]}}\right)$ "
    r"化简为 $dZ^{[L]} = A^{[L]} - Y$。然后从第 $L$ 层往回算到第 1 层："
    "\n\n"
    + BACKWARD
    + r"它们是 (1)–(4) 对全部 $m$ 个样本同时计算的形式，(5) 则是把 (9) 代入 (6)。代码在开头把 $dZ^{[L]}$ "
    r"除以 $m$，只除一次：每个梯度都与它成线性关系，所以 (7) 和 (8) 不再需要自己的 $\frac{1}{m}$。数学上没有"
    "任何变化；这样运算更少，而且与应用的计算方式相同，所以数字一直到最后几位都一致。",
    "nb_md_backward_l2": r"使用 L2 时，每个 $dW^{[l]}$ 加上 $\frac{\lambda}{m} W^{[l]}$。",
    "nb_md_update_gd": r"## 6. 更新"
    "\n\n"
    r"每一层做一步梯度下降：$W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}$，"
    r"$b^{[l]} := b^{[l]} - \alpha\, db^{[l]}$。",
    "nb_md_update_momentum": r"## 6. 更新：动量"
    "\n\n"
    r"$v := \beta v + (1 - \beta)\, dW$，$W := W - \alpha v$，$b$ 也一样：每一步沿着梯度的滑动平均前进，"
    "因而更平稳。",
    "nb_md_update_adam": r"## 6. 更新：Adam"
    "\n\n"
    r"$v := \beta_1 v + (1 - \beta_1)\, dW$，$s := \beta_2 s + (1 - \beta_2)\, dW^2$，再修正它们从零开始"
    r"带来的偏差：$\hat{v} = v / (1 - \beta_1^t)$，$\hat{s} = s / (1 - \beta_2^t)$，其中 $t$ 从 1 开始"
    r"计数每一次更新。然后 $W := W - \alpha\, \hat{v} / (\sqrt{\hat{s}} + \varepsilon)$，$b$ 也一样。",
    "nb_md_batches": "使用小批量时，一次迭代就是一轮：训练图片按新的随机顺序排列（由抽取初始权重的同一个随机流"
    "给出），切成每批 `mini_batch_size` 个，每批更新一次。这一轮的成本是各批成本（都在该批更新之前计算）按批大小"
    "加权的平均值。",
    "nb_md_model": r"## 7. 模型"
    "\n\n"
    r"`L_layer_model` 先初始化参数，然后反复进行前向传播、计算成本、反向传播和更新。第 $i$ 次迭代打印的成本是"
    r"第 $i$ 次更新之前那次前向传播的成本，与本课和应用相同。`predict` 在 $a^{[L]} > 0.5$ 时给出 1。",
    "nb_md_hyper": r"## 8. 超参数"
    "\n\n"
    r"你这次运行的设置。参数 $W$ 和 $b$ 是学出来的；这些超参数决定它们最终是什么样子。在这里改一个，然后重新运行"
    "下面的单元格。",
    "nb_md_train": "## 9. 训练\n\n每 100 次迭代打印一次成本。在笔记本电脑上需要几秒到一两分钟。",
    "nb_md_train_lesson4": "本课打印的是 0.771749、0.672053、0.648263、…、0.092878：和下面的前六位小数比较一下。",
    "nb_md_plot": "## 10. 成本随迭代的变化",
    "nb_md_accuracy": "## 11. 准确率\n\n标签判断正确的图片所占的比例：在它学习过的图片上，以及在它从没见过的测试"
    "图片上。",
    "nb_md_accuracy_lesson4": "本课的 4 层网络：209 张训练图片中对了 206 张（0.9856…），50 张测试图片中对了 40 张"
    "（0.8）。",
    "nb_md_accuracy_lesson2": "本课的 2 层网络：209 张训练图片全对（1.0），50 张测试图片中对了 37 张（0.74）。",
    "nb_md_mistakes": "## 12. 分错的图片\n\n网络判断错误的测试图片，每张都标出它的预测和图片的真实类别。",
    "nb_md_next_stop": "**什么时候停下**。在 `L_layer_model` 里每 100 次迭代打印一次测试集准确率。它在哪里达到最高？"
    "（本课的 4 层网络在第 860 次迭代附近达到 82 %，最后是 80 %。）按测试图片来选择迭代次数，就需要第三组图片：为什么？",
    "nb_md_next": "## 接下来试试\n\n"
    "1. **换一个深度**。在超参数单元格里设 `layers_dims = {other}`，再从那里开始重新运行。测试集准确率是更高"
    "还是更低？训练集准确率呢？\n"
    "2. **换一个学习率**。试试 `learning_rate = {faster}`，再试试 `{slower}`。哪条曲线下降得更快？有没有一条"
    "不再下降，甚至发散？\n"
    "3. {stop}\n"
    "4. **回到应用**。在应用里也用你的新设置训练，并下载它的笔记本：数字应该完全相同。",
}
