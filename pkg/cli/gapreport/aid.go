package gapreport

import (
	"fmt"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/render"
)

// AidContext is what --show-aid adds: each country's military aid to
// Ukraine from the newest aid release, for context only. It is never added
// to defence spending: NATO's defence figures already include what each
// ally reports, so adding it would count it twice.
type AidContext struct {
	Release *defence.AidRelease
}

// AidFor returns the aid context from the newest aid release.
func AidFor(ds *defence.Dataset) (*AidContext, error) {
	rels := ds.AidReleasesNewestFirst()
	if len(rels) == 0 {
		return nil, cmdutil.FlagErrorf("show-aid", "--show-aid: the data holds no aid release (kind: aid; see docs/data.md)")
	}
	return &AidContext{Release: rels[0]}, nil
}

func (a *AidContext) military(code string) render.Cell {
	m := a.Release.Donors[code].Military
	return render.Opt(m.V, m.Known)
}

// Note says where the column comes from and why it is not added.
func (a *AidContext) Note() string {
	r := a.Release
	from := ""
	if r.PeriodStart != "" {
		from = " from " + r.PeriodStart
	}
	return fmt.Sprintf("Military aid to Ukraine (--show-aid): %s, %s (%s), allocations%s to %s, million EUR; - where the release lists no figure. For context only, never added to defence: NATO's figures already include what each ally reports, so adding aid would count it twice.",
		r.Publisher, r.Title, r.ID, from, r.Cutoff)
}
