// Command bare is the first baseline of scripts/bench.sh: a Go program
// that prints one line, and so the cost of starting any Go process here.
package main

import "os"

func main() {
	os.Stdout.WriteString("ok\n")
}
