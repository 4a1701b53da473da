package defence

import "sort"

// Aid kinds: the parts of a donor's support to Ukraine that a tracker
// such as the Kiel Institute's Ukraine Support Tracker counts separately.
const (
	AidMilitary     = "military"
	AidFinancial    = "financial"
	AidHumanitarian = "humanitarian"
	AidTotal        = "total"
)

// AidKinds lists the aid kinds in the order they are shown.
var AidKinds = []string{AidMilitary, AidFinancial, AidHumanitarian, AidTotal}

// AidRelease is one release of a tracker of support to Ukraine: each
// donor's cumulative allocations up to a cut-off date, in million euros,
// with the donor's GDP the tracker relates them to.
type AidRelease struct {
	ID          string
	Title       string
	Publisher   string
	Published   string // YYYY-MM-DD or YYYY-MM
	PeriodStart string // YYYY-MM-DD: the first day the amounts count, may be empty
	Cutoff      string // YYYY-MM-DD: the last day the amounts count
	URL         string
	Via         string
	Measure     string // what the amounts are, e.g. "bilateral allocations"
	// GDPYear is the year of the donors' GDP (GDPBEUR), 0 when the release
	// gives no GDP.
	GDPYear int
	Notes   []string
	Source  string // file name
	// Donors maps a country code to the donor's figures.
	Donors map[string]AidDonor
}

// AidDonor is what an aid release publishes for one donor. Any figure may
// be unknown.
type AidDonor struct {
	Military     Num // million EUR
	Financial    Num // million EUR
	Humanitarian Num // million EUR
	Total        Num // million EUR: military + financial + humanitarian
	// Commitments is the total the donor has committed, which can differ
	// from what is allocated (Total), million EUR.
	Commitments Num
	// GDP is the donor's GDP in billion EUR, of the release's GDPYear.
	GDP    Num
	Note   string
	Source Place // where the donor was defined
}

// Amount returns the figure of an aid kind (AidMilitary, ...).
func (d AidDonor) Amount(kind string) Num {
	switch kind {
	case AidMilitary:
		return d.Military
	case AidFinancial:
		return d.Financial
	case AidHumanitarian:
		return d.Humanitarian
	case AidTotal:
		return d.Total
	}
	return Unknown
}

// DonorCodes returns the codes of the release's donors, sorted.
func (r *AidRelease) DonorCodes() []string { return sortedKeys(r.Donors) }

// AidPackage is one announced package of support to Ukraine.
type AidPackage struct {
	Donor string // country code
	Date  string // YYYY-MM-DD, the day it was announced
	// Amount is in millions of Currency, as announced.
	Amount   float64
	Currency string // ISO 4217, such as EUR or JPY
	// USD is the amount in million US dollars, known only where a source
	// printed a USD figure: never converted by natospend.
	USD     Num
	Purpose string
	URL     string // the source
	Quote   string // what the source says, for the reader to check
	Note    string
	Source  Place // where the package was defined
}

// AidPackages is one file of announced aid packages.
type AidPackages struct {
	ID       string
	Title    string
	Notes    []string
	Source   string // file name
	Packages []AidPackage
}

// AidReleasesNewestFirst returns the aid releases, newest publication
// first, ties by id.
func (d *Dataset) AidReleasesNewestFirst() []*AidRelease {
	out := make([]*AidRelease, 0, len(d.AidReleases))
	for _, r := range d.AidReleases {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Published != out[j].Published {
			return out[i].Published > out[j].Published
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// AllAidPackages returns the packages of every packages file, by date,
// then donor, then file and position.
func (d *Dataset) AllAidPackages() []AidPackage {
	var out []AidPackage
	for _, id := range sortedKeys(d.AidPackages) {
		out = append(out, d.AidPackages[id].Packages...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].Donor < out[j].Donor
	})
	return out
}
