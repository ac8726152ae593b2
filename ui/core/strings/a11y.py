"""Text for screen readers: the page's language, scrolling regions, pictures and charts."""

EN = {
    "a11y_scroll_equation": "Equation (scrolls sideways)",
    "a11y_scroll_code": "Code (scrolls sideways)",
    "a11y_scroll_table": "Table (scrolls sideways)",
    "alt_training_picture": "Training picture #{i}: {cls}",
    "alt_test_picture": "Test picture #{i}",
    "alt_flatten_picture": "Training picture #{i}, the one flattened into a column below",
    "alt_mistake": "A test picture the model gets wrong: it is a {truth}, P(cat) = {p}",
    "alt_uploaded": "Your picture {name}",
    "alt_model_sees": "Your picture as the model sees it: 64 × 64 pixels",
    "alt_example": "A training photo: {cls}",
    "alt_class_picture": "A picture of class {name}",
    "alt_class_picture_test": "A picture of class {name}, held out for the test set",
}

ZH = {
    "a11y_scroll_equation": "公式（可左右滚动）",
    "a11y_scroll_code": "代码（可左右滚动）",
    "a11y_scroll_table": "表格（可左右滚动）",
    "alt_training_picture": "训练图片 #{i}：{cls}",
    "alt_test_picture": "测试图片 #{i}",
    "alt_flatten_picture": "训练图片 #{i}，下面把它展平成一列",
    "alt_mistake": "模型判断错误的测试图片：它是{truth}，P(猫) = {p}",
    "alt_uploaded": "你的图片 {name}",
    "alt_model_sees": "模型看到的你的图片：64 × 64 像素",
    "alt_example": "一张训练照片：{cls}",
    "alt_class_picture": "类别 {name} 的图片",
    "alt_class_picture_test": "类别 {name} 的图片，留作测试集",
}
