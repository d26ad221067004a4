// Command fulcrum measures where a state stands between rival powers from
// its statements, UN votes and ties, and cites the evidence for every number.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/fulcrum-dev/fulcrum/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
