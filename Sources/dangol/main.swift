print("dangol")
