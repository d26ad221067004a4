package cli

import (
	"context"
	"errors"

	"github.com/fulcrum-dev/fulcrum/internal/cameodict"
)

func runPetrarch(ctx context.Context, env *Env, args []string) error {
	err := cameodict.Command(ctx, args, env.Stdin, env.Stdout, env.Stderr)
	var ue *cameodict.UsageError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ue):
		return usagef("petrarch: %s", ue.Msg)
	case errors.Is(err, cameodict.ErrRecordsFailed):
		// Each failed record was already reported with its id and reason.
		return &failedError{}
	}
	return err
}
