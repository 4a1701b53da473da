package calc

// Outcome is what a gate (natospend check) makes of one country's verdict
// on one target. It follows the statuses the gap report prints, and
// nothing else: one rule for gap, check and path.
type Outcome string

const (
	OutcomePass    Outcome = "pass"    // meets (or, asked about the trend, on track)
	OutcomeFail    Outcome = "fail"    // short (or off track)
	OutcomeMissing Outcome = "missing" // no data, or undetermined
	OutcomeSkip    Outcome = "skip"    // publishes no defence figure (Iceland)
)

// Outcome of the line: from its status, or from its trend when onTrack is
// asked (the line must then have a trend).
func (ln Line) Outcome(onTrack bool) Outcome {
	if ln.Status == StatusNotReported {
		return OutcomeSkip
	}
	if onTrack {
		switch ln.Trend.Status {
		case TrendOnTrack:
			return OutcomePass
		case TrendOffTrack:
			return OutcomeFail
		}
		return OutcomeMissing
	}
	switch ln.Status {
	case StatusMeets:
		return OutcomePass
	case StatusShort:
		return OutcomeFail
	}
	return OutcomeMissing
}

// VerdictLines are the lines that carry a verdict on a whole target, one
// per country and target, in display order: what a gate checks.
func (r *Report) VerdictLines() []Line {
	var out []Line
	for _, ln := range r.Lines {
		if ln.Measure.Verdict() {
			out = append(out, ln)
		}
	}
	return out
}
