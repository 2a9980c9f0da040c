print("assessment")
