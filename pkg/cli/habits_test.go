package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/snapshot"
	"github.com/natospend/natospend/pkg/suggest"
	"github.com/spf13/cobra"
)

// --quiet prints data only: a table without its title, notes and Source
// line (issue 22, item 9); the rows are those of the loud run, line for
// line; JSON is data whole, its notes included.
func TestQuietPrintsDataOnly(t *testing.T) {
	for _, args := range [][]string{
		{"gap", "--country", "DEU"},
		{"gap", "--country", "DEU", "--format", "markdown"},
		{"gap", "--country", "DEU,POL", "--format", "bars"},
		{"aid", "--donor", "DEU"},
		{"aid", "packages", "--donor", "ESP"},
		{"history", "--country", "DEU"},
		{"path", "--target", "3.5", "--country", "DEU", "--by", "2030"},
		{"revisions", "--country", "DEU"},
		{"countries"},
		{"targets"},
		{"releases"},
	} {
		code, loud, _ := runArgs(t, args...)
		qcode, quiet, errOut := runArgs(t, append(slices.Clone(args), "--quiet")...)
		if code != 0 || qcode != 0 || errOut != "" || quiet == "" {
			t.Errorf("%q: exit %d / %d with --quiet, stdout %q, stderr %q", args, code, qcode, quiet, errOut)
			continue
		}
		if strings.Contains(quiet, "Source:") {
			t.Errorf("%q --quiet: a Source line:\n%s", args, quiet)
		}
		if wantSource := args[0] == "gap" || args[0] == "history" || len(args) == 3 && args[0] == "aid"; wantSource && !strings.Contains(loud, "Source:") {
			t.Errorf("%q: no Source line without --quiet (the test checks nothing)", args)
		}
		loudLines := strings.Split(loud, "\n")
		first := strings.SplitN(loud, "\n", 2)[0]
		if strings.Contains(quiet, first) && !strings.HasPrefix(first, "+") && !strings.HasPrefix(first, "|") {
			t.Errorf("%q --quiet still prints the title %q", args, first)
		}
		for _, l := range strings.Split(strings.TrimSuffix(quiet, "\n"), "\n") {
			if !slices.Contains(loudLines, l) {
				t.Errorf("%q --quiet: line %q is not in the output without --quiet", args, l)
			}
		}
		if len(quiet) >= len(loud) {
			t.Errorf("%q: --quiet prints %d bytes, without it %d: nothing left out", args, len(quiet), len(loud))
		}
	}
	// gap's table is exactly its rows: nothing before the first border, the
	// total row last.
	_, quiet, _ := runArgs(t, "gap", "--country", "DEU", "--quiet")
	lines := strings.Split(strings.TrimSuffix(quiet, "\n"), "\n")
	if len(lines) != 7 || !strings.HasPrefix(lines[0], "+--") || !strings.HasPrefix(lines[6], "+--") || !strings.Contains(lines[5], "Total (1 of 1)") {
		t.Errorf("gap --quiet: want the bordered table alone (7 lines), got:\n%s", quiet)
	}
	// validate's "ok" line reports on the run: --quiet leaves it out, and
	// the exit code says the data is valid; errors still print.
	if code, out, errOut := runArgs(t, "validate", "--quiet"); code != 0 || out != "" || errOut != "" {
		t.Errorf("validate --quiet: exit %d, stdout %q, stderr %q; want exit 0 and nothing", code, out, errOut)
	}
	bad := writeFile(t, "bad.yaml", "kind: countries\ncountries:\n  DEU: {name: Germany}\n")
	if code, out, errOut := runArgs(t, "validate", "--quiet", bad); code != 1 || out != "" || !strings.Contains(errOut, "country DEU is defined twice") {
		t.Errorf("validate --quiet of a bad file: exit %d, stdout %q, stderr %q; want exit 1 and the error", code, out, errOut)
	}
	// JSON is data: the same with and without --quiet, notes and source in it.
	for _, args := range [][]string{{"gap", "--country", "DEU", "--format", "json"}, {"aid", "--format", "json"}, {"history", "--country", "DEU", "--format", "csv"}} {
		_, loud, _ := runArgs(t, args...)
		_, quiet, _ := runArgs(t, append(slices.Clone(args), "-q")...)
		if loud != quiet || loud == "" {
			t.Errorf("%q: stdout differs with --quiet", args)
		}
	}
}

// --output with a chart's extension on a command that writes tables is a
// usage error pointing to natospend chart, and writes nothing (it used to
// write a text table into out.png).
func TestOutputChartExtensionRefused(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"gap"}, {"gap", "--format", "csv"}, {"history", "--country", "DEU"}, {"aid"}, {"countries"}, {"path", "--target", "3.5", "--country", "DEU", "--by", "2030"},
	} {
		for _, name := range []string{"out.png", "OUT.SVG", "out.pdf"} {
			p := filepath.Join(dir, name)
			code, out, errOut := runArgs(t, append(slices.Clone(args), "--output", p)...)
			if code != cmdutil.ExitUsage || out != "" || !strings.Contains(errOut, "names a chart") || !strings.Contains(errOut, "natospend chart") {
				t.Errorf("%q -o %s: exit %d, stdout %q, stderr %q; want exit 2 pointing to natospend chart", args, name, code, out, errOut)
			}
			if _, err := os.Stat(p); err == nil {
				t.Errorf("%q -o %s: the file was written", args, name)
			}
		}
	}
}

// --format's help lists the formats the command takes, from the list that
// validates: bars only where a command draws bars (gap).
func TestFormatHelpListsTakenFormats(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	g := &cmdutil.GlobalOptions{}
	root := NewRootCmd(NewFactory(ios, g), g)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if fl := c.Flags().Lookup("format"); fl != nil && c.Name() != "check" && c.Name() != "chart" {
			bars := strings.Contains(fl.Usage, "bars")
			if want := c.Name() == "gap"; bars != want {
				t.Errorf("%s --format help %q: lists bars %v, want %v", c.CommandPath(), fl.Usage, bars, want)
			}
			// Every format listed is taken: none is refused as unavailable.
			for _, f := range cmdutil.AllFormats {
				if !strings.Contains(fl.Usage, f) || f == cmdutil.FormatXLSX {
					continue
				}
				args := append(strings.Fields(c.CommandPath())[1:], "--format", f)
				if c.Name() == "history" || c.Name() == "revisions" {
					args = append(args, "--country", "DEU")
				}
				if c.Name() == "path" {
					args = append(args, "--target", "3.5", "--country", "DEU", "--by", "2030")
				}
				if code, _, errOut := runArgs(t, args...); code != 0 {
					t.Errorf("%q: listed in the help, refused: exit %d, %s", args, code, errOut)
				}
			}
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	if code, _, errOut := runArgs(t, "history", "--country", "DEU", "--format", "bars"); code != 2 || !strings.Contains(errOut, "not available for this command (expected one of: table, csv, tsv, json, markdown, xlsx)") {
		t.Errorf("history --format bars: exit %d, stderr %q", code, errOut)
	}
}

// An unknown flag gets the nearest flags of the command, its inherited
// ones included, in the style of the names' did-you-mean (pkg/suggest).
func TestUnknownFlagDidYouMean(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"gap", "--traget", "3"}, "natospend: unknown flag: --traget: did you mean --target?\n"},
		{[]string{"gap", "--countries", "DEU"}, "natospend: unknown flag: --countries: did you mean --country?\n"},
		{[]string{"history", "--yaer", "2020"}, "natospend: unknown flag: --yaer: did you mean --year?\n"},
		{[]string{"gap", "--qiuet"}, "natospend: unknown flag: --qiuet: did you mean --quiet?\n"},                  // inherited from the root
		{[]string{"check", "--fromat", "json"}, "natospend: unknown flag: --fromat: did you mean --format?\n"},     // check's own flags
		{[]string{"aid", "packages", "--donr", "ESP"}, "natospend: unknown flag: --donr: did you mean --donor?\n"}, // a subcommand
		{[]string{"countries", "--traget", "3"}, "natospend: unknown flag: --traget\n"},                            // countries has no --target
		{[]string{"gap", "--zzzzzzzz"}, "natospend: unknown flag: --zzzzzzzz\n"},                                   // nothing near
		{[]string{"gap", "-x"}, "natospend: unknown shorthand flag: 'x' in -x\n"},                                  // one letter: no guess
	} {
		code, out, errOut := runArgs(t, tt.args...)
		first, _, _ := strings.Cut(errOut, "Run '")
		if code != cmdutil.ExitUsage || out != "" || first != tt.want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, code, out, errOut, tt.want)
		}
	}
}

// A typo in one config section is an error for the commands that section
// applies to (its own, and those below it), with file, line and the
// nearest key; every other command warns once on stderr and runs as
// without the typo (issue 22, item 9: gap: {traget: 3} stopped every
// command). A typo at the top level applies to every command.
func TestConfigTypoScopedToSection(t *testing.T) {
	aidArgs := []string{"aid", "--donor", "DEU", "--format", "csv"}
	_, clean, _ := runArgs(t, aidArgs...)
	if clean == "" {
		t.Fatal("aid printed nothing")
	}
	for _, tt := range []struct {
		config string
		args   []string
		code   int
		stderr string // contained; "" for none
	}{
		{"gap:\n  traget: 3\n", []string{"gap", "--country", "DEU"}, 2, ": line 2: unknown setting traget in section gap: did you mean target?"},
		{"gap:\n  traget: 3\n", aidArgs, 0, "natospend: warning: config file CFG: line 2: unknown setting traget in section gap: did you mean target? (natospend help environment lists the settings); ignored by natospend aid, an error for natospend gap\n"},
		{"gap:\n  traget: 3\n", append(slices.Clone(aidArgs), "--quiet"), 0, ""},
		{"gap:\n  traget: 3\nquiet: true\n", aidArgs, 0, ""},
		{"aid:\n  packages:\n    donr: ESP\n", []string{"aid", "packages"}, 2, ": line 3: unknown setting donr in section aid: packages: did you mean donor?"},
		{"aid:\n  packages:\n    donr: ESP\n", aidArgs, 0, "ignored by natospend aid, an error for natospend aid packages\n"},
		{"aid:\n  donr: ESP\n", []string{"aid", "packages"}, 2, ": line 2: unknown setting donr in section aid: did you mean donor?"},
		{"traget: 3\n", aidArgs, 2, ": line 1: unknown setting traget: did you mean target?"},
		{"gapp:\n  target: 3\n", aidArgs, 2, ": line 1: unknown setting gapp: did you mean gap:?"},
	} {
		cfg := writeFile(t, "config.yaml", tt.config)
		code, out, errOut := runEnv(t, map[string]string{"NATOSPEND_CONFIG": cfg}, tt.args...)
		want := strings.ReplaceAll(tt.stderr, "CFG", cfg)
		if code != tt.code || (want == "") != (errOut == "") || !strings.Contains(errOut, want) {
			t.Errorf("%q, %q: exit %d, stderr %q; want exit %d and %q", tt.config, tt.args, code, errOut, tt.code, want)
		}
		if tt.code == 0 && out != clean {
			t.Errorf("%q, %q: stdout %q, want that of a run without the config file", tt.config, tt.args, out)
		}
		if tt.code == 0 && strings.Count(errOut, "\n") > 1 {
			t.Errorf("%q, %q: %d lines on stderr, want one warning", tt.config, tt.args, strings.Count(errOut, "\n"))
		}
	}
}

// check's default format is called table, as in every other command; text,
// its old name, still gives the same lines. nato-2026-07: Slovenia 1.61% of
// GDP in 2026, (2 - 1.61) / 100 x 86,525 = 337.4 USD million, $0.3 bn
// short (the release's share and GDP).
func TestCheckFormatTable(t *testing.T) {
	const want = "short\tSVN\tSlovenia\t2%: 1.61% of GDP in 2026, $0.3 bn short\n"
	for _, args := range [][]string{{}, {"--format", "table"}, {"--format", "text"}, {"--format", "TEXT"}, {"-f", "Table"}} {
		code, out, errOut := runArgs(t, append([]string{"check", "--target", "2", "--country", "SVN,DEU"}, args...)...)
		if code != cmdutil.ExitShort || out != want {
			t.Errorf("check %q: exit %d, stdout %q, stderr %q; want exit 3 and %q", args, code, out, errOut, want)
		}
	}
	ios, _, _, _ := iostreams.Test()
	g := &cmdutil.GlobalOptions{}
	root := NewRootCmd(NewFactory(ios, g), g)
	c, _, err := root.Find([]string{"check"})
	if err != nil {
		t.Fatal(err)
	}
	if fl := c.Flags().Lookup("format"); fl.DefValue != "table" || !strings.Contains(fl.Usage, "{table|json|") || strings.Contains(fl.Usage, "{text") {
		t.Errorf("check --format: default %q, usage %q; want table first and the default", fl.DefValue, fl.Usage)
	}
}

// aid --country is another name of --donor: the same rows (Kiel Institute,
// Ukraine Support Tracker release 28, shared/data/kiel_ukraine_support.csv:
// Germany total 25,294.509 EUR m, France 7,906.632), the same error words
// under its own name; both given with different donors is a usage error,
// the command line beating the environment and the config file.
func TestAidCountryAlias(t *testing.T) {
	csv := []string{"--format", "csv", "--no-header"}
	want := func(codes ...string) string {
		rows := map[string]string{
			"DEU": "DEU,Germany,20014.111,1447.5,3832.898,25294.509,",
			"FRA": "FRA,France,6231.603,799.4,875.63,7906.632,",
		}
		var b strings.Builder
		for _, c := range codes {
			b.WriteString(rows[c])
		}
		return b.String()
	}
	rowsOf := func(out string) string {
		var b strings.Builder
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			f := strings.Split(l, ",")
			if len(f) > 6 {
				b.WriteString(strings.Join(f[:6], ",") + ",")
			}
		}
		return b.String()
	}
	for _, tt := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"aid", "--country", "DEU,FRA"}, want("DEU", "FRA")},
		{nil, []string{"aid", "--country", "Germany", "--donor", "DEU"}, want("DEU")}, // the same donor by two names
		{nil, []string{"aid", "--country", "FRA,DEU", "--donor", "france", "--donor", "DEU"}, want("DEU", "FRA")},
		{map[string]string{"NATOSPEND_COUNTRY": "FRA"}, []string{"aid"}, want("FRA")},
		{map[string]string{"NATOSPEND_COUNTRY": "FRA"}, []string{"aid", "--donor", "DEU"}, want("DEU")}, // the command line wins
		{map[string]string{"NATOSPEND_DONOR": "FRA"}, []string{"aid", "--country", "DEU"}, want("DEU")},
	} {
		code, out, errOut := runEnv(t, tt.env, append(slices.Clone(tt.args), csv...)...)
		if code != 0 || rowsOf(out) != tt.want {
			t.Errorf("%v %q: exit %d, stdout %q, stderr %q; want rows %q", tt.env, tt.args, code, out, errOut, tt.want)
		}
	}
	// aid packages too: Spain's package of 24 February 2025 (EUR 1,000 m,
	// shared/data/aid_packages.csv).
	if code, out, errOut := runArgs(t, "aid", "packages", "--country", "ESP", "--format", "csv", "--no-header"); code != 0 || !strings.HasPrefix(out, "ESP,Spain,2025-02-24,1000,EUR,") {
		t.Errorf("aid packages --country ESP: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	cfg := writeFile(t, "config.yaml", "aid:\n  donor: DEU\n  country: POL\n")
	for _, tt := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"aid", "--country", "POL", "--donor", "DEU"}, "natospend: different donors in --donor DEU and --country POL: --country is another name of --donor, give one of them\n"},
		{nil, []string{"aid", "packages", "--country", "POL", "--donor", "ESP"}, "natospend: different donors in --donor ESP and --country POL: "},
		{map[string]string{"NATOSPEND_COUNTRY": "POL", "NATOSPEND_DONOR": "DEU"}, []string{"aid"}, "natospend: different donors in --donor DEU (NATOSPEND_DONOR=DEU) and --country POL (NATOSPEND_COUNTRY=POL): "},
		{map[string]string{"NATOSPEND_CONFIG": cfg}, []string{"aid"}, "natospend: different donors in --donor DEU (config file " + cfg + ": line 2: aid: donor: DEU) and --country POL (config file " + cfg + ": line 3: aid: country: POL): "},
		{nil, []string{"aid", "--country", "Germny"}, `natospend: --country: unknown country "Germny": did you mean Germany (DEU)?` + "\n"},
	} {
		code, out, errOut := runEnv(t, tt.env, tt.args...)
		if code != cmdutil.ExitUsage || out != "" || !strings.HasPrefix(errOut, tt.want) {
			t.Errorf("%v %q: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.env, tt.args, code, out, errOut, tt.want)
		}
	}
}

// allyNames are each ally's ISO 3166-1 alpha-2 code and its short names
// in its own languages, as ISO 3166-1 and the EU's Interinstitutional
// Style Guide (section 7.1, Annex A5) give them (the sources cited in
// data/countries.yaml), written out here independently of the data file.
// An ally whose own name is its English name (Canada, France, Portugal)
// or folds to it (România) has none to add.
var allyNames = map[string][]string{
	"ALB": {"AL", "Shqipëria"}, "BEL": {"BE", "Belgique", "België", "Belgien"}, "BGR": {"BG", "България"},
	"CAN": {"CA"}, "CZE": {"CZ", "Česko", "Česká republika"}, "DEU": {"DE", "Deutschland"}, "DNK": {"DK", "Danmark"},
	"ESP": {"ES", "España"}, "EST": {"EE", "Eesti"}, "FIN": {"FI", "Suomi"}, "FRA": {"FR"}, "GBR": {"GB"},
	"GRC": {"GR", "Ελλάδα"}, "HRV": {"HR", "Hrvatska"}, "HUN": {"HU", "Magyarország"}, "ISL": {"IS", "Ísland"},
	"ITA": {"IT", "Italia"}, "LTU": {"LT", "Lietuva"}, "LUX": {"LU", "Lëtzebuerg", "Luxemburg"}, "LVA": {"LV", "Latvija"},
	"MKD": {"MK", "Северна Македонија"}, "MNE": {"ME", "Crna Gora", "Црна Гора"}, "NLD": {"NL", "Nederland"},
	"NOR": {"NO", "Norge", "Noreg"}, "POL": {"PL", "Polska"}, "PRT": {"PT"}, "ROU": {"RO", "România"},
	"SVK": {"SK", "Slovensko"}, "SVN": {"SI", "Slovenija"}, "SWE": {"SE", "Sverige"},
	"TUR": {"TR", "Türkiye Cumhuriyeti"}, "USA": {"US"},
}

// Every ally is found by its alpha-2 code and its own names (also without
// diacritics: Shqiperia, Cesko), in --country as in the lookup; a new ally
// without them fails; and no code, name or alias of any country is
// another's once folded (the loader refuses that too: this checks the
// embedded file as shipped).
func TestAllyCodesAndOwnNames(t *testing.T) {
	ds := snapshot.Lazy()
	allies := 0
	for code, c := range ds.Countries {
		if c.NATOSince == 0 {
			continue
		}
		allies++
		names, ok := allyNames[code]
		if !ok {
			t.Errorf("ally %s (%s) has no alpha-2 code or own names in this test", code, c.Name)
		}
		for _, n := range names {
			for _, typed := range []string{n, strings.ToLower(n), strings.ToUpper(n), suggest.Fold(n)} {
				if got, ok := ds.LookupCountry(typed); !ok || got.Code != code {
					t.Errorf("%q finds %q (%v), want %s", typed, got.Code, ok, code)
				}
			}
		}
	}
	if allies != 32 || len(allyNames) != 32 {
		t.Errorf("%d allies in the data, %d in the test; want 32 (NATO, Member countries)", allies, len(allyNames))
	}
	owner := map[string]string{}
	for code, c := range ds.Countries {
		for _, n := range append([]string{c.Code, c.Name}, c.Aliases...) {
			f := suggest.Fold(n)
			if o, dup := owner[f]; dup && o != code {
				t.Errorf("%q names both %s and %s", n, o, code)
			}
			owner[f] = code
		}
	}
	// Through a command: --country by alpha-2 codes and own names, one of
	// each script (nato-2024-06's 2024 rows of those allies).
	got := codesOf(t, "gap", "--release", "nato-2024-06", "--year", "2024", "--target", "2", "--country", "DE,fr,Polska,Türkiye Cumhuriyeti,Cesko,Ελλάδα,Северна Македонија,Shqipëria,NO")
	want := []string{"ALB", "CZE", "DEU", "FRA", "GRC", "MKD", "NOR", "POL", "TUR"}
	if !slices.Equal(got, want) {
		t.Errorf("--country by alpha-2 and own names: %v, want %v", got, want)
	}
}
