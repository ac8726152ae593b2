"""Text that keeps the training page honest: peaks, the validation split, One step, the pace."""

EN = {
    "chart_smoothed": "test accuracy, mean of {window:,} iterations",
    "chart_peak_name": "★ peak of the mean of {window:,} iterations of test accuracy",
    "chart_val_peak_name": "★ peak of the mean of {window:,} iterations of validation accuracy",
    "chart_printed": "cost every {every} iterations (as the lesson prints it)",
    "chart_val_test": "validation accuracy",
    "chart_val_peak": "★ peak of the mean of\n{window:,} iterations of\nvalidation accuracy:\n{acc} @ {it:,}",
    "chart_val_smoothed": "validation accuracy, mean of {window:,} iterations",
    "validation": "Validation split",
    "validation_help": "Hold out this share of the training pictures (the same ones every time, "
    "cats and non-cats in their shares): the network trains on the rest, and the chart shows "
    "its accuracy on the held-out ones. That curve is the one to choose the number of "
    "iterations by; the test pictures are then looked at once, at the end. Off: the lesson "
    "trains on all 209 pictures, and its numbers are exactly as printed.",
    "validation_off": "off (the lesson)",
    "label_validation": "validation {v} %",
    "peak_caption": "Test accuracy is measured on {n} pictures: one picture more or less right "
    "moves it by {step} %, so single points jump. ★ marks a peak only where test accuracy "
    "averaged over a tenth of the run (the dashed line) fell by more than one picture after it, "
    "a tenth of the run or more before the end, and the run is not now above it (the lesson's "
    "runs have none; a run stopped while still rising has none). Choosing when to stop from the test pictures makes them part of "
    "the choice: for that, switch on a validation split in the advanced settings.",
    "val_caption": "Validation split: {n} of the training pictures ({share} %) are held out and "
    "the network trains on the other {kept}; one picture is {step} % of validation accuracy. "
    "Choose the number of iterations where the averaged validation curve peaks (★, if it does), "
    "then read the test accuracy once: it was not used for the choice.",
    "val_result": "Validation accuracy (the {share} % of training pictures held out): **{acc}**.",
    "one_step_rose": "**Why did J go up?** The gradient points downhill only right where the step "
    "starts. At α = {lr} the step was too long along a steep direction of the cost surface: it "
    "went past the bottom of the valley and up its other side. Gradient descent lowers J on "
    "average over many steps (see the chart), not at every single step.",
    "one_step_smaller": "From the same parameters, a step with α/2 = {lr}/2 would give J = {half}, "
    "and with α/10: J = {tenth} (computed now; the run itself is unchanged).",
    "one_step_batches": "With mini-batches one step is a whole epoch of smaller updates, so no "
    "single smaller step can be shown for it.",
    "pace": "Pace",
    "pace_fast": "As fast as possible",
    "pace_lesson": "Lesson pace",
    "pace_help": "As fast as possible: the chart is redrawn 20 times and the lesson's run is over "
    "in about a second. Lesson pace: 100 frames over up to 30 s (the lesson's run takes 20 s), "
    "slow enough to talk over; the default in presenter mode. The numbers are the same.",
    "cost_printed": "Cost every {every} iterations, as the lesson prints it",
    "printed_help": "The lesson prints J after iterations 0, 100, 200, …: this view shows only "
    "those points. Off: J at every iteration.",
    "spike_note": "Why the cost line spikes: in this run J went up at {ups} of its {steps} steps "
    "(the largest jump: {a} → {b} at iteration {i}). A step with a fixed α can overshoot along a "
    "steep direction of the cost surface; the next steps come back, and over many steps J falls. "
    "The lesson's printout every {every} iterations never shows these spikes.",
    "training_live": "Training… the chart starts at the first iteration.",
}

ZH = {
    "chart_smoothed": "测试集准确率（{window:,} 次迭代的平均）",
    "chart_peak_name": "★ 测试集准确率 {window:,} 次迭代平均值的峰值",
    "chart_val_peak_name": "★ 验证集准确率 {window:,} 次迭代平均值的峰值",
    "chart_printed": "每 {every} 次迭代的成本（与课程打印的一致）",
    "chart_val_test": "验证集准确率",
    "chart_val_peak": "★ 验证集准确率的\n{window:,} 次迭代平均值\n峰值：{acc} @ {it:,}",
    "chart_val_smoothed": "验证集准确率（{window:,} 次迭代的平均）",
    "validation": "验证集划分",
    "validation_help": "从训练图片中留出这一比例（每次都是同样的图片，猫和非猫各按其比例）：网络在其余"
    "图片上训练，图表显示它在留出图片上的准确率。应该根据这条曲线来选择迭代次数；测试图片只在最后看一次。"
    "关闭：与本课一样在全部 209 张图片上训练，数字与课程打印的完全一致。",
    "validation_off": "关闭（本课）",
    "label_validation": "验证集 {v}%",
    "peak_caption": "测试集准确率只在 {n} 张图片上测量：多对或多错一张，就变化 {step}%，所以单个点会"
    "跳动。只有当按运行的十分之一取平均的测试集准确率（虚线）在峰值之后下降超过一张图片、峰值离结束至少"
    "还有运行的十分之一，而且运行现在的准确率不高于它时，才用 ★ 标出峰值"
    "（本课的运行没有这样的峰值；仍在上升时停下的运行也没有）。根据测试图片决定何时停止，等于让它们参与了选择：要做这种选择，"
    "请在高级设置中打开验证集划分。",
    "val_caption": "验证集划分：留出 {n} 张训练图片（{share}%），网络在其余 {kept} 张上训练；一张图片"
    "相当于验证集准确率的 {step}%。在平均后的验证集曲线达到峰值处（★，如果有）选择迭代次数，然后只看"
    "一次测试集准确率：它没有参与选择。",
    "val_result": "验证集准确率（留出的 {share}% 训练图片）：**{acc}**。",
    "one_step_rose": "**为什么 J 上升了？** 梯度只在这一步的起点指向下坡。在 α = {lr} 时，这一步沿成本"
    "曲面的一个陡峭方向走得太远：越过了谷底，走上了另一侧。梯度下降是在许多步上平均地降低 J"
    "（见图表），而不是每一步都降低。",
    "one_step_smaller": "从同样的参数出发，用 α/2 = {lr}/2 走一步会得到 J = {half}，用 α/10："
    "J = {tenth}（刚刚算出；运行本身没有改变）。",
    "one_step_batches": "使用小批量时，一步是整整一轮较小的更新，因此无法给出单个较小步长的结果。",
    "pace": "速度",
    "pace_fast": "尽可能快",
    "pace_lesson": "讲课速度",
    "pace_help": "尽可能快：图表重绘 20 次，本课的运行大约一秒就结束。讲课速度：最多 30 秒内绘制 100 帧"
    "（本课的运行需要 20 秒），慢到可以边讲边看；演示模式下默认使用。数字完全相同。",
    "cost_printed": "每 {every} 次迭代的成本（与课程打印的一致）",
    "printed_help": "课程在第 0、100、200……次迭代后打印 J：此视图只显示这些点。关闭：显示每次迭代的 J。",
    "spike_note": "成本曲线为什么会突然跳高：这次运行中，J 在 {steps} 步里有 {ups} 步上升（最大的一次："
    "第 {i} 次迭代从 {a} 升到 {b}）。α 固定时，一步可能沿成本曲面的陡峭方向走过头；之后的几步会把它拉回来，"
    "放在许多步上看，J 总体是下降的。课程每 {every} 次迭代打印一次，从来看不到这些尖峰。",
    "training_live": "正在训练……图表从第一次迭代开始显示。",
}
