"""Text of the experiment grid on the training page, and its peak markers (English and 简体中文)."""

EN = {
    "chart_peak": "★ peak of the mean of\n{window:,} iterations of\ntest accuracy:\n{acc} @ {it:,}",
    "grid_title": "Experiment grid",
    "grid_open": "Open the experiment grid",
    "grid_intro": "Choose two hyperparameters and 3 to 6 values for each. Every cell is a full "
    "training run from scratch, with every other setting as chosen above. Cells run one after "
    "another and the heatmap fills in as they finish.",
    "grid_x": "Across (columns)",
    "grid_y": "Down (rows)",
    "grid_values": "Values of {param}",
    "grid_param_hidden": "hidden layers",
    "grid_param_learning_rate": "learning rate α",
    "grid_param_iterations": "iterations",
    "grid_param_l2": "L2 λ",
    "grid_values_help_hidden": "Hidden layer sizes in brackets, separated by “;”: [7]; [20, 7, 5] "
    "are the lesson's two networks. 1 to 8 hidden layers, n[1] up to 256 units, the others up "
    "to 512.",
    "grid_values_help_learning_rate": "3 to 6 values from the page's scale: 1, 2.5, 5 or 7.5 × a "
    "power of ten (0.0025, 0.005, 0.0075, 0.01, …), separated by commas.",
    "grid_values_help_iterations": "3 to 6 whole numbers from 1 to 10,000, separated by commas.",
    "grid_values_help_l2": "3 to 6 values from the page's scale: 0, 0.01, 0.03, 0.1, 0.3, 0.7, "
    "1, 3, 10.",
    "grid_plan": "{n} runs, about {cost} lesson runs of work (a grid may cost at most {max}; "
    "it stops after {s} s of computing).",
    "grid_run": "▦ Run the grid",
    "grid_stop": "⏹ Stop the grid",
    "grid_progress": "Cell {k} of {n} ({name}): iteration {i:,} of {total:,}",
    "grid_finished": "Grid finished: {n} runs in {s} s of computing.",
    "grid_stopped": "Grid stopped: {k} of {n} cells finished (shown below). Run the grid again "
    "to start over.",
    "grid_timed_out": "The grid used its {s} s of computing: {k} of {n} cells finished.",
    "grid_metric": "Show",
    "grid_metric_test": "test accuracy",
    "grid_metric_train": "train accuracy",
    "grid_metric_cost": "final cost",
    "grid_diverged": "diverged",
    "grid_lesson": "the lesson's runs",
    "grid_best_label": "best test accuracy",
    "grid_marks_caption": "★ the lesson's runs (when the grid has their settings) · framed ◆: the "
    "best test accuracy. Point at a cell (on a touch screen, tap it) to see whether its "
    "averaged test accuracy peaked.",
    "grid_best": "Best test accuracy: **{acc}**, {name} (train {train}; {peak}).",
    "grid_best_caveat": "Choosing by test accuracy makes the 50 test pictures part of the choice: "
    "they no longer measure the chosen network fairly. A real project picks with a separate "
    "validation set.",
    "grid_load": "Load the best run as the current model",
    "grid_loaded": "The grid's best cell, trained again as run #{n}, is now the current model "
    "(the prediction page uses it).",
    "grid_curves": "Test accuracy along the runs",
    "grid_curves_pick": "Runs on the chart",
    "grid_curves_caption": "50 test pictures: one picture more or less right moves test accuracy "
    "by 2 %, so single points jump (the lesson's 4-layer run: 46 %, 82 %, 58 % at iterations "
    "850, 860, 870). ★ marks a peak only where test accuracy averaged over a tenth of the run "
    "fell by more than one picture after it, before the run's end, and the run does not end above "
    "it; the lesson's runs have none. Choosing the number of "
    "iterations from these curves would make the test pictures part of the choice: switch on a "
    "**validation split** in the advanced settings above, and choose by its curve.",
    "grid_peak_at": "averaged test accuracy peaked at {acc}, iteration {it}",
    "grid_no_peak": "no clear peak in its averaged test accuracy",
    "err_grid_number": "“{value}” is not a number.",
    "err_grid_whole": "“{value}” is not a whole number of iterations.",
    "err_grid_iterations": "{value} iterations: a cell may have 1 to {max:,}.",
    "err_grid_scale_learning_rate": "Learning rate {value} is not on the page's scale (1, 2.5, 5 "
    "or 7.5 × a power of ten); the nearest is {near}.",
    "err_grid_scale_l2": "λ = {value} is not on the page's scale (0, 0.01, 0.03, 0.1, 0.3, 0.7, "
    "1, 3, 10); the nearest is {near}.",
    "err_grid_brackets": "Write each network's hidden layer sizes in brackets, e.g. [7]; [20, 7, 5].",
    "err_grid_arch": "[{value}] is not a list of layer sizes: use whole numbers, e.g. [20, 7, 5].",
    "err_grid_layers": "[{value}]: a network has 1 to {max} hidden layers.",
    "err_grid_units": "[{value}]: hidden layer {layer} has {n} units; it may have 1 to {max}.",
    "err_grid_count": "{n} values: give {lo} to {hi}.",
    "err_grid_twice": "{value} is given twice.",
    "err_grid_same": "Choose two different hyperparameters for the rows and the columns.",
    "err_grid_cost": "This grid would cost about {cost} lesson runs of computing; a grid may cost "
    "at most {max}. Use fewer values, fewer iterations or smaller layers (Adam costs more: it "
    "cannot use the fast engine).",
}

ZH = {
    "chart_peak": "★ 测试集准确率的\n{window:,} 次迭代平均值\n峰值：{acc} @ {it:,}",
    "grid_title": "实验网格",
    "grid_open": "打开实验网格",
    "grid_intro": "选择两个超参数，每个给 3 到 6 个取值。每一格都是一次从头开始的完整训练，其余设置与上方"
    "所选相同。各格依次运行，热力图随之逐格填满。",
    "grid_x": "横向（列）",
    "grid_y": "纵向（行）",
    "grid_values": "{param}的取值",
    "grid_param_hidden": "隐藏层",
    "grid_param_learning_rate": "学习率 α",
    "grid_param_iterations": "迭代次数",
    "grid_param_l2": "L2 λ",
    "grid_values_help_hidden": "把各隐藏层的单元数写在方括号里，用“;”分隔：[7]; [20, 7, 5] 就是本课的两个"
    "网络。1 到 8 个隐藏层，n[1] 最多 256 个单元，其余各层最多 512 个。",
    "grid_values_help_learning_rate": "3 到 6 个取值，取自本页的刻度：1、2.5、5 或 7.5 × 10 的幂"
    "（0.0025, 0.005, 0.0075, 0.01, …），用逗号分隔。",
    "grid_values_help_iterations": "3 到 6 个 1 到 10,000 之间的整数，用逗号分隔。",
    "grid_values_help_l2": "3 到 6 个取值，取自本页的刻度：0, 0.01, 0.03, 0.1, 0.3, 0.7, 1, 3, 10。",
    "grid_plan": "共 {n} 次运行，计算量约为本课运行的 {cost} 倍（一个网格最多 {max} 倍；"
    "计算满 {s} 秒即停止）。",
    "grid_run": "▦ 运行网格",
    "grid_stop": "⏹ 停止网格",
    "grid_progress": "第 {k} / {n} 格（{name}）：迭代 {i:,} / {total:,}",
    "grid_finished": "网格完成：{n} 次运行，计算用时 {s} 秒。",
    "grid_stopped": "网格已停止：{n} 格中完成了 {k} 格（见下方）。再次运行网格将从头开始。",
    "grid_timed_out": "网格用完了 {s} 秒的计算时间：{n} 格中完成了 {k} 格。",
    "grid_metric": "显示",
    "grid_metric_test": "测试集准确率",
    "grid_metric_train": "训练集准确率",
    "grid_metric_cost": "最终成本",
    "grid_diverged": "发散",
    "grid_lesson": "本课的运行",
    "grid_best_label": "最高测试集准确率",
    "grid_marks_caption": "★ 本课的运行（网格包含其设置时）· 加框 ◆：测试集准确率最高的一格。"
    "把鼠标移到格上（触屏上点一下），可看到其平均测试集准确率是否有峰值。",
    "grid_best": "最高测试集准确率：**{acc}**，{name}（训练集 {train}；{peak}）。",
    "grid_best_caveat": "按测试集准确率挑选，等于让 50 张测试图片参与了选择：它们不再能公正地衡量选中的"
    "网络。实际项目会用单独的验证集来挑选。",
    "grid_load": "把最佳运行载入为当前模型",
    "grid_loaded": "网格中最好的一格已重新训练为运行 #{n}，现在是当前模型（预测页使用它）。",
    "grid_curves": "各次运行中的测试集准确率",
    "grid_curves_pick": "图中显示的运行",
    "grid_curves_caption": "测试集只有 50 张图片：多对或多错一张，测试集准确率就变化 2%，所以单个点会"
    "跳动（本课 4 层网络在第 850、860、870 次迭代：46%、82%、58%）。只有当按运行的十分之一取平均的"
    "测试集准确率在峰值之后、运行结束之前下降超过一张图片，而且运行结束时不高于它时，才用 ★ 标出峰值；本课的运行没有这样的峰值。根据这些曲线"
    "选择迭代次数，等于让测试图片参与了选择：请在上方高级设置中打开**验证集划分**，按它的曲线来选。",
    "grid_peak_at": "平均测试集准确率在第 {it} 次迭代达到峰值 {acc}",
    "grid_no_peak": "平均测试集准确率没有明显峰值",
    "err_grid_number": "“{value}”不是数字。",
    "err_grid_whole": "“{value}”不是整数的迭代次数。",
    "err_grid_iterations": "{value} 次迭代：每格可以是 1 到 {max:,} 次。",
    "err_grid_scale_learning_rate": "学习率 {value} 不在本页的刻度上（1、2.5、5 或 7.5 × 10 的幂）；"
    "最接近的是 {near}。",
    "err_grid_scale_l2": "λ = {value} 不在本页的刻度上（0, 0.01, 0.03, 0.1, 0.3, 0.7, 1, 3, 10）；"
    "最接近的是 {near}。",
    "err_grid_brackets": "请把每个网络的隐藏层单元数写在方括号里，例如 [7]; [20, 7, 5]。",
    "err_grid_arch": "[{value}] 不是各层单元数的列表：请用整数，例如 [20, 7, 5]。",
    "err_grid_layers": "[{value}]：网络要有 1 到 {max} 个隐藏层。",
    "err_grid_units": "[{value}]：第 {layer} 个隐藏层有 {n} 个单元；允许 1 到 {max} 个。",
    "err_grid_count": "{n} 个取值：请给 {lo} 到 {hi} 个。",
    "err_grid_twice": "{value} 出现了两次。",
    "err_grid_same": "行和列请选择两个不同的超参数。",
    "err_grid_cost": "这个网格的计算量约为本课运行的 {cost} 倍；一个网格最多 {max} 倍。请减少取值、"
    "迭代次数或层的大小（Adam 更费时：它不能使用快速引擎）。",
}
