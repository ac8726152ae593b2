"""Text about the engine's own judgements: settings it refuses, and why a run diverged.

``err_config_*`` explain a :class:`dnn.config.ConfigError` (``{field}`` is the setting's name
in ``dnn.TrainConfig``); ``diverged_*`` complete ``status_diverged_cause`` with the setting that
most likely made a run diverge (:mod:`dnn.divergence`).
"""

EN = {
    "err_config_number": "The setting {field} must be a number; got {value}.",
    "err_config_positive": "The setting {field} must be a finite number greater than 0; got {value}.",
    "err_config_nonnegative": "The setting {field} must be a finite number, 0 or more; got {value}.",
    "err_config_fraction": "The setting {field} must be at least 0 and less than 1; got {value}.",
    "err_config_integer": "The setting {field} must be a whole number from {low} to {high}; got {value}.",
    "err_config_choice": "The setting {field} must be one of {allowed}; got {value}.",
    "err_config_layers": "The setting {field} (the layer sizes) needs 2 to {max_layers} numbers, each a whole number from 1 to {max_units:,}; got {value}.",
    "err_config_output": "In {field}, the output layer must have 1 unit (a sigmoid for P(cat)); got {value}.",
    "err_config_too_big": "The layer sizes ({field}) make {n:,} parameters; at most {max:,} are allowed.",
    "err_config_dual_adam": "The setting {field} = dual is exact only for gradient descent and momentum, not for Adam.",
    "status_diverged_cause": "The cost became infinite or NaN at iteration {i}: {cause}. The model kept is the last one with a finite cost (iteration {kept}).",
    "cannot_continue_diverged_cause": "This run diverged: {cause}. Change that and press Train.",
    "diverged_learning_rate": "the learning rate α = {learning_rate:g} is too large for this network; try a smaller one",
    "diverged_l2": "the L2 penalty λ = {l2:g} is too large: it outweighs what the data teaches; try a smaller λ (or a smaller α)",
    "diverged_adam": "Adam's β1 = {beta1:g} and β2 = {beta2:g} let one step move a weight by up to {step:.3g} × α; use the usual β1 = 0.9, β2 = 0.999 and ε = 1e-8, or a smaller α",
}

ZH = {
    "err_config_number": "设置 {field} 必须是一个数；收到的是 {value}。",
    "err_config_positive": "设置 {field} 必须是大于 0 的有限数；收到的是 {value}。",
    "err_config_nonnegative": "设置 {field} 必须是不小于 0 的有限数；收到的是 {value}。",
    "err_config_fraction": "设置 {field} 必须不小于 0 且小于 1；收到的是 {value}。",
    "err_config_integer": "设置 {field} 必须是 {low} 到 {high} 之间的整数；收到的是 {value}。",
    "err_config_choice": "设置 {field} 必须是 {allowed} 之一；收到的是 {value}。",
    "err_config_layers": "设置 {field}（各层大小）需要 2 到 {max_layers} 个数，每个都是 1 到 {max_units:,} 之间的整数；收到的是 {value}。",
    "err_config_output": "在 {field} 中，输出层必须只有 1 个单元（用 sigmoid 给出 P(猫)）；收到的是 {value}。",
    "err_config_too_big": "这些层大小（{field}）会产生 {n:,} 个参数；最多允许 {max:,} 个。",
    "err_config_dual_adam": "设置 {field} = `dual`（对偶引擎）只对梯度下降和动量法精确，不适用于 Adam。",
    "status_diverged_cause": "成本在第 {i} 次迭代变成无穷大或 NaN：{cause}。保留的是最后一个成本有限的模型（第 {kept} 次迭代）。",
    "cannot_continue_diverged_cause": "这次运行发散了：{cause}。请修改这一设置后重新训练。",
    "diverged_learning_rate": "学习率 α = {learning_rate:g} 对这个网络来说太大了，请试一个更小的值",
    "diverged_l2": "L2 惩罚 λ = {l2:g} 太大了：它压过了数据本身的作用；请调小 λ（或调小 α）",
    "diverged_adam": "Adam 的 β1 = {beta1:g}、β2 = {beta2:g} 使一步最多能把权重移动 {step:.3g} × α；请使用常用值 β1 = 0.9、β2 = 0.999、ε = 1e-8，或调小 α",
}
