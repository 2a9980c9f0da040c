// GridRuntime: plumbing shared by the five services.
