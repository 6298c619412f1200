print("litbook: under construction")
