"""The theory page's text and the lesson's equations (shown as LaTeX, the same in both languages).

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
}

ZH = {
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
}
