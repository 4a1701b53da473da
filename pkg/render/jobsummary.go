package render

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
)

// MaxJobSummary is the most bytes JobSummaryMarkdown writes by default: under
// GitHub's limit of 1 MiB (1,048,576 bytes) for a step's summary
// ($GITHUB_STEP_SUMMARY), with room to spare for a line the step adds.
const MaxJobSummary = 1000000

// JobSummary is a Markdown report for a CI job's summary page (GitHub's
// $GITHUB_STEP_SUMMARY): a heading line, the table that matters, the rest
// in a collapsed <details> block, and notes (the Source line last).
type JobSummary struct {
	// Heading is the one heading line (a level-3 heading).
	Heading string
	// Main is shown open; nil or no rows: left out.
	Main *Table
	// Rest is folded into a <details> block whose summary line is
	// RestSummary; nil or no rows: left out.
	Rest        *Table
	RestSummary string
	// Notes are paragraphs after the tables.
	Notes []string
	// Limit is the most bytes to write; 0: MaxJobSummary.
	Limit int
	// LeftOut is the note that says n rows were left out to keep under
	// Limit; nil: a plain sentence.
	LeftOut func(n int) string
}

// JobSummaryMarkdown writes s as GitHub-flavoured Markdown. The tables are
// Text's Markdown tables (all text escaped the same way); the <details>
// summary line is HTML-escaped (it is HTML, not Markdown).
//
// When the whole would be longer than the limit, rows are left out, last
// rows of Rest first, then of Main, and a note says how many; if the notes
// alone are still too long, notes other than the last (the Source line)
// are left out too. A summary whose heading and last note do not fit is
// an error: nothing is written.
func JobSummaryMarkdown(w io.Writer, s *JobSummary) error {
	limit := s.limit()
	for _, t := range []*Table{s.Main, s.Rest} {
		if t != nil {
			if err := validate(t); err != nil {
				return err
			}
		}
	}
	rows := func(t *Table) int {
		if t == nil {
			return 0
		}
		return len(t.Rows)
	}
	total := rows(s.Main) + rows(s.Rest)
	notes := len(s.Notes)
	fits := func(n int) bool { return len(s.render(n, notes)) <= limit }
	// A first look at up to 1024 rows says, nearly, how long each row is
	// (rows are padded to the same widths), so that a selection far over
	// the limit is never rendered whole.
	base := len(s.render(0, notes))
	probe := min(total, 1024)
	per := 0.0
	if probe > 0 {
		per = float64(len(s.render(probe, notes))-base) / float64(probe)
	}
	var out []byte
	if float64(base)+per*float64(total) <= float64(limit)*1.25 {
		out = s.render(total, notes)
	}
	if out == nil || len(out) > limit {
		// Keep the most rows that fit: from the proportional guess, gallop
		// to the boundary, then bisect.
		guess := 0
		if per > 0 && base <= limit {
			guess = min(total-1, int(float64(limit-base)/per))
		}
		lo, hi := 0, total // lo rows fit (or none do), hi rows do not
		if fits(guess) {
			lo = guess
			for step := 1; lo+step < hi; step *= 2 {
				if !fits(lo + step) {
					hi = lo + step
					break
				}
				lo += step
			}
		} else {
			hi = guess
			for step := 1; hi-step > lo; step *= 2 {
				if fits(hi - step) {
					lo = hi - step
					break
				}
				hi -= step
			}
		}
		for hi-lo > 1 {
			mid := (lo + hi) / 2
			if fits(mid) {
				lo = mid
			} else {
				hi = mid
			}
		}
		out = s.render(lo, notes)
		for n := notes - 1; len(out) > limit && n >= 1; n-- {
			out = s.render(0, n)
		}
		if len(out) > limit {
			return fmt.Errorf("render: a job summary's heading and source line alone take more than %d bytes", limit)
		}
	}
	_, err := w.Write(out)
	return err
}

// render lays out the summary with the first keep rows (Main's, then
// Rest's) and the first notes notes (the last note always).
func (s *JobSummary) render(keep, notes int) []byte {
	var buf bytes.Buffer
	buf.WriteString("### " + markdownLine(s.Heading) + "\n")
	left := 0
	part := func(t *Table) *Table {
		if t == nil || len(t.Rows) == 0 {
			return nil
		}
		n := min(keep, len(t.Rows))
		keep -= n
		left += len(t.Rows) - n
		if n == 0 {
			return nil
		}
		c := *t
		c.Rows = t.Rows[:n]
		return &c
	}
	main, rest := part(s.Main), part(s.Rest)
	if main != nil {
		buf.WriteByte('\n')
		g := newGrid(main, true)
		g.markdown(&buf, main)
	}
	if rest != nil {
		// A blank line after <summary> and before </details>: the table
		// between them is Markdown again (GFM ends an HTML block at a
		// blank line).
		buf.WriteString("\n<details><summary>" + html.EscapeString(strings.ReplaceAll(cleanLine(s.RestSummary), "\n", " ")) + "</summary>\n\n")
		g := newGrid(rest, true)
		g.markdown(&buf, rest)
		buf.WriteString("\n</details>\n")
	}
	var paras []string
	if left > 0 {
		msg := fmt.Sprintf("%d rows left out to keep this summary under %d bytes.", left, s.limit())
		if s.LeftOut != nil {
			msg = s.LeftOut(left)
		}
		paras = append(paras, msg)
	}
	if len(s.Notes) > 0 {
		kept := s.Notes[:max(0, notes-1):max(0, notes-1)]
		if notes < len(s.Notes) {
			paras = append(paras, fmt.Sprintf("%d notes left out to keep this summary under %d bytes.", len(s.Notes)-notes, s.limit()))
		}
		paras = append(append(paras, kept...), s.Notes[len(s.Notes)-1])
	}
	for _, p := range paras {
		buf.WriteByte('\n')
		buf.WriteString(markdownLine(p))
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func (s *JobSummary) limit() int {
	if s.Limit <= 0 {
		return MaxJobSummary
	}
	return s.Limit
}
