package chartcmd

// Inspect makes each chart the command draws go to f first (nil: none),
// so that a test run through cli.Main can look at its layout.
func Inspect(f func(collisions func() ([]string, error))) {
	if f == nil {
		inspect = nil
		return
	}
	inspect = func(d drawable) { f(d.Collisions) }
}

// InspectChart makes each chart the command draws (a *chart.BarChart or
// *chart.LineChart) go to f first (nil: none).
func InspectChart(f func(any)) {
	if f == nil {
		inspect = nil
		return
	}
	inspect = func(d drawable) { f(d) }
}
