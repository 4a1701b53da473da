package dataset

// notes writes a notes: list, when notes is not nil.
func (e *enc) notes(notes []string) {
	if notes == nil {
		return
	}
	e.b = append(e.b, "notes:"...)
	if len(notes) == 0 {
		e.b = append(e.b, " []"...)
	}
	e.line()
	for _, n := range notes {
		e.b = append(e.b, "  - "...)
		e.text("notes", n)
		e.line()
	}
}
