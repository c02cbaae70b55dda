{
  "targets": [
    {
      "target_name": "psg_native",
      "sources": ["stat.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
