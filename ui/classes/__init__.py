"""Your own classes: the pictures, their intake, training, trying and files."""
