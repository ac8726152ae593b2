"""Text of the own-classes page and of verdicts that name a model's classes (English, 简体中文)."""

EN = {
    "nav_classes": "Your own classes",
    "classes_title": "Teach it your own two classes",
    "classes_intro": "Collect pictures of two kinds of things — from files or the camera — then "
    "train the same network on them and try it on new pictures. Each picture is kept only as the "
    "64×64 picture the network sees; at most {max} pictures in all, and at least {min} per class "
    "to train.",
    "classes_step_pictures": "1 · Your pictures",
    "classes_step_train": "2 · Train",
    "classes_step_try": "3 · Try it",
    "classes_default_0": "cat",
    "classes_default_1": "not cat",
    "classes_name": "Class {k}",
    "classes_name_help": "Any name of up to 40 characters; the two names must differ. Empty: "
    "the default name.",
    "classes_upload": "Add pictures: JPEG, PNG, WebP, GIF or BMP, up to {mb} MB each; several at "
    "once.",
    "classes_camera_name": "📷 {n}",
    "classes_added": "“{cls}”: {n} added.",
    "classes_loaded": "Loaded: {n} pictures.",
    "classes_loaded_one": "Loaded: {n} picture.",
    "classes_unreadable": "**{name}** was not added: {why}",
    "classes_file_refused": "**{name}** was not loaded: {why}",
    "classes_duplicate": "**{name}** was not added: it is the same 64×64 picture as **{other}**, "
    "already in “{cls}”.",
    "classes_full": "Not added: {n} (this page keeps at most {max} pictures in all; remove some "
    "first).",
    "classes_empty": "No pictures yet.",
    "classes_count": "Pictures: {n} (🧪 and framed in blue: held out for the test set)",
    "classes_remove": "Remove {name} from “{cls}”",
    "classes_remove_all": "Remove all of “{cls}”",
    "classes_share": "Test set: share of each class held out",
    "classes_share_help": "These pictures are never trained on: the test accuracy says how well "
    "the network does on pictures it has not seen. At least one picture per class; which ones is "
    "a fixed random choice, the same every time for the same pictures.",
    "classes_with_lesson": "Add the lesson's pictures",
    "classes_with_lesson_help": "Off: the network learns from your pictures alone. On: your first "
    "class joins the lesson's cats, your second class its non-cats (both its training and its "
    "test pictures).",
    "classes_split": "**Training:** {a_train} “{a}” + {b_train} “{b}” pictures. **Test:** "
    "{a_test} “{a}” + {b_test} “{b}” (🧪, framed in blue).",
    "classes_split_lesson": "**Training:** {a_all} “{a}” + {b_all} “{b}” pictures ({a_train} + "
    "{b_train} of yours, {cats} + {others} of the lesson's). **Test:** {a_all_test} “{a}” + "
    "{b_all_test} “{b}” ({a_test} + {b_test} of yours, 🧪, framed in blue; {test_cats} + "
    "{test_others} of the lesson's).",
    "classes_lesson_waiting": "**The lesson's pictures join once each class has at least {min} "
    "pictures of your own:** then its {cats} cats go to “{a}” and its {others} non-cats to "
    "“{b}” for training, and its test pictures to the test set ({test_cats} cats as “{a}”, "
    "{test_others} non-cats as “{b}”).",
    "classes_too_few_own": "“{cls}” needs at least {min} pictures of your own to train, beside "
    "the lesson's (it has {n}).",
    "classes_lesson_added": "**The lesson's pictures are added:** its {cats} cats were added to "
    "“{a}” and its {others} non-cats to “{b}” for training; its test pictures join the test set "
    "({test_cats} cats as “{a}”, {test_others} non-cats as “{b}”).",
    "classes_test_size": "Test accuracy is measured on {n} pictures: each one is {step}.",
    "classes_test_tiny": "**Only {n} test pictures:** one mistake moves test accuracy by {step}, "
    "so 100 % or {one_off} here says little. Add pictures (or the lesson's) for a number to trust.",
    "classes_files": "💾 Save or load these pictures (.h5)",
    "classes_save": "Download the {n} pictures (.h5)",
    "classes_save_one": "Download the {n} picture (.h5)",
    "classes_save_help": "One file in the lesson's layout: `train_set_x` (pictures), `train_set_y` "
    "(1 = “{a}”, 0 = “{b}”) and `list_classes` (the two names).",
    "classes_save_empty": "Add pictures to save them as a file.",
    "classes_load": "Load a saved file (.h5, at most {max} pictures): it replaces both classes.",
    "classes_too_few": "“{cls}” needs at least {min} pictures to train (it has {n}).",
    "classes_bad_names": "The class names cannot be used: {why}",
    "classes_held_out": "**Your test pictures:** {right} of {n} right.",
    "classes_try_first": "Train the network above (or load a model file) to try it here.",
    "classes_model_is": "Using the model {label} (classes: {names}).",
    # how a run ended, on a page without Continue
    "status_timed_out_final": "This run reached the {s:.0f} s limit of a shared server at "
    "iteration {i}; the network it reached is kept. Train again with fewer iterations to finish.",
    "status_zero_final": "0 iterations: the network is still at its random start, so the numbers "
    "below are those of random weights. Choose more iterations and train again.",
    "status_paused_final": "Stopped at iteration {i} of {n}; the network it reached is kept.",
    # verdicts of models with their own class names
    "verdict_named": "👉 {name}",
    "verdict_two_classes": "It knows only “{a}” and “{b}”, so it must answer one of the two, "
    "even for a picture of neither.",
}

ZH = {
    "nav_classes": "你自己的两类",
    "classes_title": "教它认识你自己的两类图片",
    "classes_intro": "收集两类东西的图片（来自文件或摄像头），用同一个网络训练，再用新图片试一试。每张"
    "图片只保存为网络看到的 64×64 图片；总共最多 {max} 张，每类至少 {min} 张才能训练。",
    "classes_step_pictures": "1 · 你的图片",
    "classes_step_train": "2 · 训练",
    "classes_step_try": "3 · 试一试",
    "classes_default_0": "猫",
    "classes_default_1": "不是猫",
    "classes_name": "第 {k} 类",
    "classes_name_help": "任意名称，最多 40 个字符；两个名称必须不同。留空：使用默认名称。",
    "classes_upload": "添加图片：JPEG、PNG、WebP、GIF 或 BMP，每张最多 {mb} MB；可一次上传多张。",
    "classes_camera_name": "📷 {n}",
    "classes_added": "“{cls}”：添加了 {n} 张。",
    "classes_loaded": "已载入 {n} 张图片。",
    "classes_loaded_one": "已载入 {n} 张图片。",
    "classes_unreadable": "**{name}** 没有添加：{why}",
    "classes_file_refused": "**{name}** 没有载入：{why}",
    "classes_duplicate": "**{name}** 没有添加：它与“{cls}”中的 **{other}** 是同一张 64×64 图片。",
    "classes_full": "没有添加：{n} 张（本页总共最多保存 {max} 张图片；请先删除一些）。",
    "classes_empty": "还没有图片。",
    "classes_count": "图片：{n} 张（🧪 加蓝框：留作测试集）",
    "classes_remove": "从“{cls}”删除 {name}",
    "classes_remove_all": "删除“{cls}”的全部",
    "classes_share": "测试集：每类留出的比例",
    "classes_share_help": "这些图片从不参与训练：测试准确率说明网络在没见过的图片上表现如何。每类至少一张；"
    "选哪些是固定的随机选择，同样的图片每次选法都相同。",
    "classes_with_lesson": "加上本课的图片",
    "classes_with_lesson_help": "关闭：网络只从你的图片学习。打开：你的第一类并入本课的猫，第二类并入它的非猫"
    "（训练图片和测试图片都是）。",
    "classes_split": "**训练：** {a_train} 张“{a}” + {b_train} 张“{b}”。**测试：** {a_test} 张“{a}” + "
    "{b_test} 张“{b}”（🧪，蓝框）。",
    "classes_split_lesson": "**训练：** {a_all} 张“{a}” + {b_all} 张“{b}”（你的 {a_train} + {b_train} 张，"
    "本课的 {cats} + {others} 张）。**测试：** {a_all_test} 张“{a}” + {b_all_test} 张“{b}”（你的 {a_test} + "
    "{b_test} 张，🧪 蓝框；本课的 {test_cats} + {test_others} 张）。",
    "classes_lesson_waiting": "**每类都有至少 {min} 张你自己的图片后，才会加入本课的图片**：届时它的 {cats} "
    "张猫加入“{a}”，{others} 张非猫加入“{b}”，用于训练；它的测试图片加入测试集（{test_cats} 张猫算作“{a}”，"
    "{test_others} 张非猫算作“{b}”）。",
    "classes_too_few_own": "除了本课的图片，“{cls}”还至少要有 {min} 张你自己的图片才能训练（现在有 {n} 张）。",
    "classes_lesson_added": "**已加入本课的图片**：它的 {cats} 张猫加入了“{a}”，{others} 张非猫加入了"
    "“{b}”，用于训练；它的测试图片加入测试集（{test_cats} 张猫算作“{a}”，{test_others} 张非猫算作“{b}”）。",
    "classes_test_size": "测试准确率基于 {n} 张图片：每张占 {step}。",
    "classes_test_tiny": "**只有 {n} 张测试图片**：错一张，测试准确率就变化 {step}，所以这里的 100 % 或 "
    "{one_off} 说明不了多少。多加些图片（或本课的图片），得到的数字才可信。",
    "classes_files": "💾 保存或载入这些图片（HDF5 文件）",
    "classes_save": "下载这 {n} 张图片（HDF5 文件）",
    "classes_save_one": "下载这 {n} 张图片（HDF5 文件）",
    "classes_save_help": "一个与本课数据格式相同的文件：`train_set_x`（图片）、`train_set_y`（1 = “{a}”，"
    "0 = “{b}”）和 `list_classes`（两个名称）。",
    "classes_save_empty": "添加图片后才能保存为文件。",
    "classes_load": "载入保存的文件（HDF5 文件，最多 {max} 张图片）：它会替换两类的全部图片。",
    "classes_too_few": "“{cls}”至少要 {min} 张图片才能训练（现在有 {n} 张）。",
    "classes_bad_names": "类别名称不能使用：{why}",
    "classes_held_out": "**你的测试图片：** {n} 张中对了 {right} 张。",
    "classes_try_first": "先在上面训练网络（或载入模型文件），再来这里试一试。",
    "classes_model_is": "正在使用模型 {label}（类别：{names}）。",
    "status_timed_out_final": "本次运行在第 {i} 次迭代达到共享服务器 {s:.0f} 秒的时间上限；保留了它训练到的"
    "网络。减少迭代次数再训练一次即可完成。",
    "status_zero_final": "0 次迭代：网络仍是随机初始化的状态，下面的数字是随机权重的结果。选择更多迭代次数后"
    "再训练一次。",
    "status_paused_final": "在第 {i} 次迭代（共 {n} 次）停止；保留了它训练到的网络。",
    "verdict_named": "👉 {name}",
    "verdict_two_classes": "它只认识“{a}”和“{b}”，所以只能回答这两者之一，即使图片两者都不是。",
}
