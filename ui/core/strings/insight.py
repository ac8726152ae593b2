"""Text of the step-through page and of "look inside" on the prediction page."""

EN = {
    # step-through page
    "nav_step": "Step through",
    "step_page_title": "One iteration, step by step",
    "step_intro": "Walk through one iteration of gradient descent on a real network: forward "
    "layer by layer, the cost, backward layer by layer, then the update. Every number below is "
    "computed by the same functions that train the network (`dnn.propagation`), with the "
    "lesson's initialization (seed 1). Point at a matrix (on a touch screen, tap it) to read its "
    "values; red is positive, blue negative, and sigmoid outputs and labels (A[L], Y; every A "
    "when g is sigmoid) go from white at 0 to dark purple at 1.",
    "step_network": "Network",
    "step_setup": "About this page · network, activation, learning rate",
    "step_net_small": "The lesson's example n = 3, 5, 5, 3, 1 on {m} made-up examples",
    "step_net_cat": "The cat network [12288, 20, 7, 5, 1] on the 209 training pictures",
    "step_computing": "Computing one iteration on the 209 pictures…",
    "step_back": "◀ Back",
    "step_next": "Next ▶",
    "step_slider": "Step",
    "step_input_title": "The input A[0] = X and the labels Y",
    "step_forward_title": "Forward, layer {l}",
    "step_cost_title": "The cost J",
    "step_backward_title": "Backward, layer {l}",
    "step_update_title": "The update",
    "step_input_text": "One column per example: X has n[0] rows and m = {m} columns, and Y holds "
    "each example's label (1 = cat, or 1 = class one in the made-up set). The input counts as "
    "layer 0 and is not one of the L = {L} layers.",
    "step_forward_text_first": "Layer 1 multiplies the weights W[1] by the input, adds the "
    "bias b[1] to every column (broadcasting), then applies g = {g} element by element. W[l] "
    "has one row per unit of layer l and one column per unit of layer l − 1.",
    "step_forward_text": "The same two equations for layer {l}: its input is A[{l} − 1], the "
    "previous layer's output.",
    "step_forward_text_last": "The output layer L = {L} uses the sigmoid σ, so A[L] is "
    "P(cat) for each example: the probability that y = 1, between 0 and 1.",
    "step_cost_text": "The cost compares A[L] with Y over all m = {m} examples: this is the cost "
    "of iteration 0, the first point of the training curve.",
    "step_backward_text_last": "Backward propagation starts at the output: with a sigmoid "
    "output and this cost, dZ[L] = A[L] − Y. Then equations (7), (8) and (9). The engine "
    "(`backward`) multiplies dZ[L] by 1/m once instead of applying 1/m in every (7) and (8), "
    "which gives the same dW and db with fewer operations; the dZ and dA shown here are the "
    "lesson's, without that 1/m.",
    "step_backward_text": "dA[{l}] came from layer {l} + 1 through (9). Equation (6) multiplies it "
    "element by element by the derivative of g = {g} at Z[{l}] (for ReLU: 1 where Z > 0, else "
    "0); then (7), (8), (9) as before. Every dW[l] has W[l]'s shape.",
    "step_backward_text_first": "The last backward step: (6), (7) and (8) for layer 1. Training "
    "stops here — it needs dW[1] and db[1], but X is not learned, so dA[0] = W[1]ᵀ dZ[1] is "
    "never computed. (Computed anyway, it says which input values P(cat) is most sensitive "
    "to: see “Look inside” on the prediction page.)",
    "step_update_text": "Gradient descent moves every W[l] and b[l] a step α against its "
    "gradient. The new parameters are exactly what one iteration of training produces, and "
    "the cost with them is the cost of iteration 1.",
    "step_columns": "columns",
    "step_col_matrix": "matrix",
    "step_col_shape": "shape",
    "step_col_rule": "rule",
    "step_cost_before": "J before the update",
    "step_cost_after": "J after the update",
    "step_reduced": "Too large to show whole: {rows} of its {n_rows} rows and {cols} of its "
    "{n_cols} columns, evenly spaced (the axes give their real numbers).",
    # look inside (prediction page)
    "look_inside": "🔍 Look inside: what the network computed for this picture",
    "inside_layers": "**From 12,288 numbers to 1.** The picture's {n0:,} input values become "
    "the activations of each layer: {sizes}. Each bar is one unit's A[l] (orange: positive, blue: negative; a ReLU unit at 0 is "
    "silent for this picture; a panel where every unit is 0 says “all 0”); each panel's title "
    "gives its number of units. The last bar is {P}.",
    "inside_units": "unit",
    "inside_output": "A[{l}] = {P}",
    "inside_all_zero": "all 0",
    "inside_layer": "A[{l}] ({n})",
    "inside_gradient": "**What the network looked at.** Backpropagating {P} down to the "
    "input (equation (9) at l = 1, the step training skips) gives ∂{P}/∂x for each of the "
    "12,288 input values.",
    "inside_grad_picture": "input",
    "inside_grad_magnitude": "|∂P/∂x|",
    "inside_grad_sign": "∂P/∂x",
    "inside_grad_caption": "Left: what the model sees. Middle: where {P} is most sensitive — "
    "|∂P/∂x| summed over R, G, B and nothing else (compare it with the picture on the left), "
    "white where a change of the pixel hardly moves {P}, darker the more it moves it. "
    "Right: which way — red: making the pixel brighter raises {P}, blue: lowers "
    "it. Pointing at a pixel gives its (row, column), counted from 1 at the top left. This is "
    "a local slope, not a proof of what the network “understands”.",
    "inside_grad_silent": "**No pixel changes P here.** ∂P/∂x is 0 for all {n0:,} input "
    "values: every unit of layer {l} has Z[{l}] ≤ 0, so ReLU makes it 0, and a small change of "
    "any pixel leaves it at 0. P stays {p} whatever the change, so there is nothing to map.",
    "inside_grad_flat": "**No pixel changes P noticeably here.** Every ∂P/∂x is below {tiny} "
    "in size: even changing all {n0:,} input values at once would hardly move P, so no map is "
    "drawn (it would only blow up numbers that are almost 0).",
    "unfamiliar_blank": "⚠️ **This picture is almost one plain colour**, unlike every photo the "
    "model was trained on, so the model's answer means little.",
    "unfamiliar_noise": "⚠️ **This picture looks like random noise**, unlike every photo the "
    "model was trained on, so the model's answer means little.",
    "unfamiliar_unlike": "⚠️ **This picture does not look like the training photos**: {what}. "
    "So the model's answer means little.",
    "unusual_join": "; ",
    "unusual_mix": "each of its statistics is within the photos' range, but no training photo "
    "has them together",
    "unusual_contrast_low": "it has almost no contrast",
    "unusual_contrast_high": "it has more contrast than the photos",
    "unusual_roughness_low": "it is smoother than any photo",
    "unusual_roughness_high": "its pixels jump from one to the next, like noise",
    "unusual_correlation_low": "neighbouring pixels are hardly alike",
    "unusual_correlation_high": "neighbouring pixels are more alike than in photos",
    "unusual_flat_low": "it has fewer areas of one exact colour than photos",
    "unusual_flat_high": "it has large areas of one exact colour",
    "unusual_edges_low": "it has fewer sharp edges than photos",
    "unusual_edges_high": "it has many razor-sharp edges, like lines and letters",
    "unusual_entropy_low": "it has very few shades",
    "unusual_entropy_high": "its shades are spread more evenly than in photos",
    "unusual_palette_low": "its colours are spread more evenly than in photos",
    "unusual_palette_high": "a few colours cover most of it (a background, a window, a fill)",
    "unusual_paper_low": "it has less white than photos",
    "unusual_paper_high": "much of it is plain white, like a page or a dialog",
    "unusual_lines_low": "it has fewer one-colour rows than photos",
    "unusual_lines_high": "whole rows or columns are one colour (margins, bars, rules)",
    "unfamiliar_seen": "The model has only seen photos like these:",
    "testset_look": "Look inside one test picture",
    "testset_pick": "Test picture #",
    "inside_test_caption": "#{i}  P(cat) = {p}",
}

ZH = {
    "nav_step": "逐步演示",
    "step_page_title": "一次迭代，逐步演示",
    "step_intro": "逐步走完梯度下降的一次迭代：逐层前向传播、成本、逐层反向传播，最后更新参数。下面"
    "每个数都由训练网络所用的同一组函数（`dnn.propagation`）算出，初始化与本课相同（种子 1）。"
    "把鼠标移到矩阵上（触屏上点一下）可以读出数值；红色为正，蓝色为负；sigmoid 的输出和标签"
    "（A[L]、Y；g 为 sigmoid 时所有 A）从 0 的白色到 1 的深紫色。",
    "step_network": "网络",
    "step_setup": "关于本页 · 网络、激活函数、学习率",
    "step_net_small": "本课的例子 n = 3, 5, 5, 3, 1，{m} 个虚构样本",
    "step_net_cat": "猫图网络 [12288, 20, 7, 5, 1]，209 张训练图片",
    "step_computing": "正在用 209 张图片计算一次迭代…",
    "step_back": "◀ 上一步",
    "step_next": "下一步 ▶",
    "step_slider": "步骤",
    "step_input_title": "输入 A[0] = X 与标签 Y",
    "step_forward_title": "前向传播，第 {l} 层",
    "step_cost_title": "成本 J",
    "step_backward_title": "反向传播，第 {l} 层",
    "step_update_title": "更新参数",
    "step_input_text": "每个样本一列：X 有 n[0] 行、m = {m} 列，Y 是每个样本的标签（1 = 猫；在虚构数据"
    "中 1 = 第一类）。输入层记为第 0 层，不算在 L = {L} 层之内。",
    "step_forward_text_first": "第 1 层用权重 W[1] 乘以输入，再给每一列加上偏置 b[1]（广播），然后逐元素"
    "应用 g = {g}。W[l] 每一行对应第 l 层的一个单元，每一列对应第 l − 1 层的一个单元。",
    "step_forward_text": "第 {l} 层用同样的两个公式：它的输入是 A[{l} − 1]，即上一层的输出。",
    "step_forward_text_last": "输出层 L = {L} 用 sigmoid 函数 σ，所以 A[L] 是每个样本的 P(猫)，"
    "即 y = 1 的概率，介于 0 和 1 之间。",
    "step_cost_text": "成本把 A[L] 与 Y 在全部 m = {m} 个样本上比较：这是第 0 次迭代的成本，即训练曲线的"
    "第一个点。",
    "step_backward_text_last": "反向传播从输出层开始：sigmoid 输出配上这个成本函数，dZ[L] = A[L] − Y。"
    "然后是公式 (7)、(8)、(9)。引擎（`backward`）只把 dZ[L] 乘一次 1/m，而不是在每个 (7)、(8) 里"
    "各乘一次，得到的 dW、db 完全相同，运算更少；这里显示的 dZ 和 dA 是本课的写法，不含这个 1/m。",
    "step_backward_text": "dA[{l}] 由第 {l} + 1 层经公式 (9) 得到。公式 (6) 把它逐元素乘以 g = {g} 在 "
    "Z[{l}] 处的导数（ReLU：Z > 0 处为 1，否则为 0）；然后同样是 (7)、(8)、(9)。每个 dW[l] 的形状与 "
    "W[l] 相同。",
    "step_backward_text_first": "反向传播的最后一步：第 1 层的 (6)、(7)、(8)。训练到这里就停了——它需要 "
    "dW[1] 和 db[1]，但 X 不需要学习，所以从不计算 dA[0] = W[1]ᵀ dZ[1]。（若仍然算出它，就能看出 P(猫) "
    "对哪些输入值最敏感：见预测页的“看看网络内部”。）",
    "step_update_text": "梯度下降让每个 W[l] 和 b[l] 沿梯度的反方向走一步 α。新参数与训练一次迭代得到的"
    "完全相同，用它们算出的成本就是第 1 次迭代的成本。",
    "step_columns": "各列",
    "step_col_matrix": "矩阵",
    "step_col_shape": "形状",
    "step_col_rule": "规则",
    "step_cost_before": "更新前的 J",
    "step_cost_after": "更新后的 J",
    "step_reduced": "矩阵太大，无法整体显示：均匀选取其 {n_rows} 行中的 {rows} 行、{n_cols} 列中的 "
    "{cols} 列（坐标轴标出真实的行号和列号）。",
    "look_inside": "🔍 看看网络内部：它对这张图片算了什么",
    "inside_layers": "**从 12,288 个数到 1 个数。** 图片的 {n0:,} 个输入值依次变成各层的激活值：{sizes}。"
    "每根柱子是一个单元的 A[l]（橙色为正，蓝色为负；为 0 的 ReLU 单元对这张图片没有反应；"
    "所有单元都为 0 的小图会标出“全为 0”）；每个小图的标题括号里是该层的单元数。最后一根柱子就是 {P}。",
    "inside_units": "单元",
    "inside_output": "A[{l}] = {P}",
    "inside_all_zero": "全为 0",
    "inside_layer": "A[{l}]（{n}）",
    "inside_gradient": "**网络看了哪里。** 把 {P} 一直反向传播到输入（在 l = 1 处应用公式 (9)，即训练时"
    "跳过的那一步），得到 {P} 对 12,288 个输入值各自的偏导数 ∂{P}/∂x。",
    "inside_grad_picture": "输入",
    "inside_grad_magnitude": "|∂P/∂x|",
    "inside_grad_sign": "∂P/∂x",
    "inside_grad_caption": "左图：模型看到的图。中图：{P} 最敏感的地方——只画 |∂P/∂x| 在 R、G、B 上的和"
    "（可与左边的图片对照），白色表示像素的变化几乎不影响 {P}，颜色越深影响越大。右图：影响的方向——"
    "红色：把像素调亮会提高 {P}，蓝色：会降低。指向某个像素可读出它的（行, 列），从左上角的 1 "
    "数起。这只是局部的斜率，并不能证明网络“理解”了什么。",
    "inside_grad_silent": "**这里没有哪个像素能改变 P。** 对全部 {n0:,} 个输入值，∂P/∂x 都是 0："
    "第 {l} 层每个单元的 Z[{l}] ≤ 0，ReLU 把它们都变成 0，任何像素的微小变化都不会让它们离开 0。"
    "无论怎么变，P 都停在 {p}，所以没有可画的图。",
    "inside_grad_flat": "**这里没有哪个像素能明显改变 P。** 每个 ∂P/∂x 的大小都小于 {tiny}："
    "即使 {n0:,} 个输入值一起改变，P 也几乎不动，所以不画图（画出来只会放大几乎为 0 的数）。",
    "unfamiliar_blank": "⚠️ **这张图片几乎只有一种颜色**，与模型训练用的所有照片都不同，所以模型的回答"
    "没有什么意义。",
    "unfamiliar_noise": "⚠️ **这张图片看起来像随机噪声**，与模型训练用的所有照片都不同，所以模型的回答"
    "没有什么意义。",
    "unfamiliar_unlike": "⚠️ **这张图片不像训练用的照片**：{what}。所以模型的回答没有什么意义。",
    "unusual_join": "；",
    "unusual_mix": "它的每项统计量都在照片的范围内，但没有一张训练照片同时具有这些值",
    "unusual_contrast_low": "它几乎没有对比度",
    "unusual_contrast_high": "它的对比度比照片更强",
    "unusual_roughness_low": "它比任何照片都平滑",
    "unusual_roughness_high": "相邻像素之间跳变很大，像噪声",
    "unusual_correlation_low": "相邻像素几乎不相似",
    "unusual_correlation_high": "相邻像素比照片中的更相似",
    "unusual_flat_low": "它的纯色区域比照片少",
    "unusual_flat_high": "它有大片完全相同的颜色",
    "unusual_edges_low": "它的清晰边缘比照片少",
    "unusual_edges_high": "它有许多非常锐利的边缘，像线条和文字",
    "unusual_entropy_low": "它的色调很少",
    "unusual_entropy_high": "它的色调分布比照片更均匀",
    "unusual_palette_low": "它的颜色分布比照片更均匀",
    "unusual_palette_high": "少数几种颜色占了大部分画面（背景、窗口、填充色）",
    "unusual_paper_low": "它的白色比照片少",
    "unusual_paper_high": "大部分是纯白色，像一页纸或一个对话框",
    "unusual_lines_low": "它的单色行比照片少",
    "unusual_lines_high": "整行或整列只有一种颜色（页边、横条、分隔线）",
    "unfamiliar_seen": "模型只见过这样的照片：",
    "testset_look": "看看某张测试图片的网络内部",
    "testset_pick": "测试图片编号",
    "inside_test_caption": "#{i}  P(猫) = {p}",
}
