"""The class board: a class code, its students' runs and answers, on a real database."""
