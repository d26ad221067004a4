// Package align is fulcrum's alignment model (DESIGN.md §5): pure functions
// that turn a state's statements, votes and ties into per-channel values in
// [−1, 1] with uncertainty intervals, tilts between two poles, shares and
// entropy among k poles, a verdict sentence from documented thresholds, and
// change points ("shifts") in each channel's series.
//
// Every formula is written out in the doc comment of the function that
// computes it, and every number carries the ids of the evidence behind it
// ([Point.Evidence]).
//
// Channels and their scales:
//
//   - statements: Goldstein-weighted cooperation of the focal state's events
//     toward a pole's members, shrunk toward 0 when events are few
//     ([StatementPoint]); −1 hostile, +1 cooperative;
//   - votes: chance-corrected agreement (κ) with the pole's reference vote,
//     computed by package votes; this package adds the bootstrap over roll
//     calls ([Bootstrap], [BootstrapUnits]);
//   - ties: 2s − 1 where s is the bound share of package ties
//     ([TiesSeries]); −1 bound by nothing, +1 fully bound.
//
// The tilt between poles A and B is (x_B − x_A)/2 on every channel
// ([ChannelTilt]), so negative means toward A and positive toward B.
//
// A period whose value rests on too few resampling units is thin
// ([Point.Thin], [MinUnits]): under [MinRollCalls] roll calls or
// [MinEvents] counting events the bootstrap gives no usable interval, so
// thin points are skipped by [Shifts] and left out of verdicts by callers.
package align
