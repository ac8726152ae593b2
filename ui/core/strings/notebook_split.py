"""Text of a notebook whose run held out a validation split (see :mod:`ui.notebook.prose`).

The code's own words for it (comments, what it prints) are in ``notebook_code.py``.
"""

EN = {
    "nb_md_next_stop_validation": "**When to stop.** Inside `L_layer_model`, print the validation "
    "accuracy every 100 iterations (add `val_x` and `val_y` to its parameters). Where does it "
    "peak? Set `num_iterations` there and train again, and only then look at the test accuracy, "
    "once: why not choose by the test pictures?",
    "nb_set_validation": "{share} % of the training pictures held out for validation",
    "nb_md_data_validation": "**The validation split.** As in the app, {share} % of the "
    "training pictures of each class (at least one, and at least one left to train on) are held "
    "out as a validation set, `val_x` and `val_y`: the same pictures as the app's, drawn by "
    "`np.random.RandomState({seed})`, cats and non-cats alike. The network trains on the rest; "
    "the validation pictures are there to choose by (such as the number of iterations), so that "
    "the test pictures stay unseen until the very end.",
    "nb_md_accuracy_validation": "With the validation split, the training accuracy is on the "
    "pictures trained on, the validation accuracy on the {share} % held out from them, and the "
    "test accuracy on the 50 test pictures: the three numbers the app shows.",
}

ZH = {
    "nb_md_next_stop_validation": "**什么时候停下**。在 `L_layer_model` 里每 100 次迭代打印一次验证集准确率（给它加上 "
    "`val_x` 和 `val_y` 两个参数）。它在哪里达到最高？把 `num_iterations` 设成那个值重新训练，然后才看一次测试集"
    "准确率：为什么不按测试图片来选择？",
    "nb_set_validation": "训练图片中留出 {share}% 作为验证集",
    "nb_md_data_validation": "**验证集划分**。与应用中一样，每类训练图片中留出 {share}%（至少一张，并且至少留一张"
    "用于训练）作为验证集 `val_x` 和 `val_y`：与应用留出的是同样的图片，由 `np.random.RandomState({seed})` "
    "抽取，猫和非猫都按各自的比例。网络在其余图片上训练；验证集用来做选择（比如迭代次数），这样测试图片直到最后"
    "都没有被看过。",
    "nb_md_accuracy_validation": "有验证集划分时，训练集准确率是在用于训练的图片上，验证集准确率是在从中留出的 "
    "{share}% 上，测试集准确率是在 50 张测试图片上：正是应用显示的三个数字。",
}
