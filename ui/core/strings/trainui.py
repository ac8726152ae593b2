"""Text of the training page's runs, links and presenter mode (English and 简体中文)."""

EN = {
    # bounds in the help texts
    "units_bounds_help": "Hidden units n[l] of a layer: 1 to {first} in the first hidden layer, "
    "1 to {other} in the others (at most 8 hidden layers).",
    "iterations_bounds_help": "Any number from 0 to {max:,}; Continue goes further.",
    # run labels: what differs from the lesson
    "label_lesson4": "4-layer",
    "label_lesson2": "2-layer",
    "label_lesson": "{name} (lesson)",
    "label_learning_rate": "α={v}",
    "label_iterations": "{v} it.",
    "label_seed": "seed {v}",
    "label_l2": "L2 λ={v}",
    "label_batch": "batch {v}",
    "label_activation": "{v}",
    "label_activation_relu": "ReLU",
    "label_activation_tanh": "tanh",
    "label_activation_leaky_relu": "leaky ReLU",
    "label_activation_sigmoid": "sigmoid",
    "label_initialization": "init {v}",
    "label_initialization_lesson": "lesson",
    "label_initialization_he": "He",
    "label_initialization_xavier": "Xavier",
    "label_initialization_small": "small",
    "label_optimizer": "{v}",
    "label_optimizer_gd": "gradient descent",
    "label_optimizer_momentum": "momentum",
    "label_optimizer_adam": "Adam",
    # buttons and run states
    "one_step": "⏭ One step",
    "continue_more": "Continue: iterations to add",
    "continue_more_placeholder": "empty: finish the planned run (or 500 more)",
    "continue_more_help": "Empty: Continue finishes a run that was stopped before its planned "
    "total, or adds 500 iterations to a finished one. A number: Continue adds exactly that many.",
    "settings_folded": "⚙ Settings: architecture and hyperparameters",
    "status_zero": "0 iterations: the network is still at its random start, so the numbers below "
    "are those of random weights. Press Continue or One step to train it.",
    "status_paused": "Stopped at iteration {i} of {n}. Continue goes on to {n}, exactly as if the "
    "run had never stopped.",
    "plan_left": "The run was planned for {n:,} iterations.",
    "of_planned": "of {n} planned",
    "one_step_result": "One gradient-descent step (now at iteration {i}): the cost on the "
    "training set went from {before} to {after} {delta}. The parameters moved by ‖Δθ‖ = {size}.",
    "useless_intro": "This run finished but learned nothing useful:",
    "useless_one_class": "it answers “{cls}” for every training picture.",
    "useless_stalled": "its cost ({last}) is no lower than that of always guessing the share of "
    "cats ({guess}) — it stalled.",
    "stall_jumped": "On the way J jumped from {first} to {peak} (at iteration {at}): the learning "
    "rate α is too large for this network, its steps overshoot, and units they push into "
    "ReLU's flat side stay silent. Try a smaller α.",
    "stall_small_init": "A “small” initialization does this to a deep net: the signal fades "
    "layer after layer.",
    "stall_other": "J barely moved: try another learning rate, another initialization or more "
    "iterations.",
    # comparison and weights
    "compare_accuracy": "Show the accuracies too",
    "compare_one": "Pick two or more runs to overlay their curves; the chart above shows the current one.",
    "weights_trained": "**W[1] after training**",
    "weights_change": "**What training changed: W[1] − its random start** (grey: no change)",
    "weights_trained_name": "W[1] after training, each unit's weights scaled to its own range",
    "weights_change_name": "What training changed, W[1] − its random start (grey: no change, "
    "each unit scaled to its largest change)",
    "weights_shown": "Units 1–{shown} of this layer's {n} are drawn, on both sides; the "
    "correlations below are over all {n}.",
    "weights_caption": "Training moves these weights only a little: each unit's trained weights "
    "still correlate {lo}–{hi} (median {median}) with its random start, so the left pictures "
    "mostly show that start. The change on the right is what the 209 pictures taught — noisy, "
    "not a clean “cat detector”.",
    # links
    "copy_link": "🔗 Copy link",
    "copy_link_done": "✓ Link copied",
    "show_link": "Link to this page",
    "link_notes": "Some parts of this link could not be used:",
    "link_clamped": "`{name}` = `{value}` is out of range: using {to}.",
    "link_bad_value": "`{name}` = `{value}` is not a valid value: ignored.",
    "link_unknown_key": "`{name}` is not a setting of this app: ignored.",
    "link_too_long": "`{name}` is too long: ignored.",
    "link_too_many_layers": "{n} hidden layers asked for; at most {max} are kept.",
    "link_too_many_runs": "{n} runs listed: the last {max} are kept, the first {dropped} dropped.",
    "link_bad_run": "run {n} of the link has no architecture: left out.",
    "link_more_notes": "and {n} more.",
    "link_replaying": "Training again run {k} of {n} from the link…",
    "link_filling": "This link's runs ({n}) are being trained again on this server; the page "
    "below fills in with their results when they are done.",
    "link_runs_coming": "The link's runs appear here once they are trained again (see the note "
    "at the top of the page).",
    "link_cut_short": "The runs of this link took more than {s} s to train again on this "
    "server: the last ones stopped early. Continue finishes them.",
    # presenter mode
    "presenter_mode": "Presenter mode",
    "presenter_mode_help": "Large type for a projector; on the Training page the settings fold "
    "away and the chart and its four numbers fit on one screen. A link keeps it (`present=1`).",
}

ZH = {
    "units_bounds_help": "一层的隐藏单元数 n[l]：第一个隐藏层 1 到 {first}，其他隐藏层 1 到 "
    "{other}（最多 8 个隐藏层）。",
    "iterations_bounds_help": "0 到 {max:,} 之间的任意整数；“继续”可以训练更多次。",
    "label_lesson4": "4 层",
    "label_lesson2": "2 层",
    "label_lesson": "{name}（本课）",
    "label_learning_rate": "α={v}",
    "label_iterations": "{v} 次迭代",
    "label_seed": "种子 {v}",
    "label_l2": "L2 λ={v}",
    "label_batch": "批大小 {v}",
    "label_activation": "{v}",
    "label_activation_relu": "ReLU",
    "label_activation_tanh": "tanh",
    "label_activation_leaky_relu": "Leaky ReLU",
    "label_activation_sigmoid": "sigmoid",
    "label_initialization": "初始化：{v}",
    "label_initialization_lesson": "本课",
    "label_initialization_he": "He",
    "label_initialization_xavier": "Xavier",
    "label_initialization_small": "小值",
    "label_optimizer": "{v}",
    "label_optimizer_gd": "梯度下降",
    "label_optimizer_momentum": "动量",
    "label_optimizer_adam": "Adam",
    "one_step": "⏭ 单步",
    "continue_more": "继续：增加的迭代次数",
    "continue_more_placeholder": "留空：完成计划的运行（或再加 500 次）",
    "continue_more_help": "留空时，“继续”会把提前停止的运行训练到计划的总次数；已完成的运行则再加 "
    "500 次迭代。填写数字时，“继续”恰好增加这么多次。",
    "settings_folded": "⚙ 设置：网络结构和超参数",
    "status_zero": "0 次迭代：网络仍是随机初始化的状态，下面的数字是随机权重的结果。点击“继续”或"
    "“单步”开始训练。",
    "status_paused": "在第 {i} 次迭代（共 {n} 次）停止。“继续”会训练到第 {n} 次，结果与从未停止"
    "完全相同。",
    "plan_left": "这次运行计划训练 {n:,} 次迭代。",
    "of_planned": "计划 {n} 次",
    "one_step_result": "一步梯度下降（现在是第 {i} 次迭代）：训练集上的成本从 {before} 变为 "
    "{after} {delta}。参数移动了 ‖Δθ‖ = {size}。",
    "useless_intro": "这次运行结束了，但没有学到有用的东西：",
    "useless_one_class": "它对每张训练图片都回答“{cls}”。",
    "useless_stalled": "它的成本（{last}）并不低于总是按猫的比例猜测的成本（{guess}）——训练停滞了。",
    "stall_jumped": "途中 J 从 {first} 跳到了 {peak}（第 {at} 次迭代）：对这个网络来说学习率 α 太大，"
    "每一步都走过了头，被推到 ReLU 平坦一侧的单元从此不再激活。请试试更小的 α。",
    "stall_small_init": "对深层网络使用“小值”初始化就会这样：信号一层层地衰减。",
    "stall_other": "J 几乎没有变化：请试试别的学习率、别的初始化方式或更多的迭代次数。",
    "compare_accuracy": "同时显示准确率",
    "compare_one": "选择两次或更多次运行来叠加它们的曲线；上面的图表显示的是当前这一次。",
    "weights_trained": "**训练后的 W[1]**",
    "weights_change": "**训练带来的变化：W[1] − 随机初始值**（灰色：没有变化）",
    "weights_trained_name": "训练后的 W[1]，每个单元的权重按其自身范围缩放",
    "weights_change_name": "训练带来的变化，W[1] − 随机初始值（灰色：没有变化；每个单元按其最大变化缩放）",
    "weights_shown": "两边都只画出该层 {n} 个单元中的第 1–{shown} 个；下面的相关系数是对全部 {n} 个单元"
    "算的。",
    "weights_caption": "训练只让这些权重变化了一点：每个单元训练后的权重与其随机初始值的相关系数"
    "仍为 {lo}–{hi}（中位数 {median}），所以左边的图主要显示的是初始值。右边的变化才是 209 张图片"
    "教给它的——有噪声，并不是一个清晰的“猫检测器”。",
    "copy_link": "🔗 复制链接",
    "copy_link_done": "✓ 链接已复制",
    "show_link": "本页链接",
    "link_notes": "这个链接中有些部分无法使用：",
    "link_clamped": "`{name}` = `{value}` 超出范围：改用 {to}。",
    "link_bad_value": "`{name}` = `{value}` 不是有效的值：已忽略。",
    "link_unknown_key": "`{name}` 不是本应用的设置：已忽略。",
    "link_too_long": "`{name}` 太长：已忽略。",
    "link_too_many_layers": "要求 {n} 个隐藏层；最多保留 {max} 个。",
    "link_too_many_runs": "列出了 {n} 次运行：保留最后 {max} 次，舍弃前 {dropped} 次。",
    "link_bad_run": "链接中的第 {n} 次运行没有网络结构：已略去。",
    "link_more_notes": "还有 {n} 条。",
    "link_replaying": "正在重新训练链接中的第 {k} 次运行（共 {n} 次）…",
    "link_filling": "这个链接包含 {n} 次运行，正在这台服务器上重新训练。训练完成后，下面的页面会显示它们的结果。",
    "link_runs_coming": "链接中的运行重新训练完成后会显示在这里（见页面顶部的提示）。",
    "link_cut_short": "在这台服务器上重新训练这个链接的运行超过了 {s} 秒：最后几次运行提前停止了。"
    "点击“继续”即可完成。",
    "presenter_mode": "演示模式",
    "presenter_mode_help": "投影用的大字体；在训练页面上，设置会折叠起来，图表和四个结果数字在一屏"
    "内显示。链接会保留这一模式（`present=1`）。",
}
