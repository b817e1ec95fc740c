"""The benchmark (make bench): synthetic content sets, their builds measured, bench/results.md."""
