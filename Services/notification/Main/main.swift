print("notification")
