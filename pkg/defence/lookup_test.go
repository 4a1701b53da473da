package defence

import "testing"

// TestLookupCountry: a country is found by code, name or alias, without
// regard to case, diacritics and surrounding spaces; nothing else is.
func TestLookupCountry(t *testing.T) {
	ds := NewDataset()
	ds.Countries["TUR"] = Country{Code: "TUR", Name: "Türkiye", Aliases: []string{"Turkey"}}
	ds.Countries["GBR"] = Country{Code: "GBR", Name: "United Kingdom", Aliases: []string{"UK", "Great Britain"}}
	ds.Countries["SVK"] = Country{Code: "SVK", Name: "Slovakia", Aliases: []string{"Slovak Republic"}}
	for in, want := range map[string]string{
		"TUR": "TUR", "tur": "TUR", " Tur ": "TUR",
		"Türkiye": "TUR", "turkiye": "TUR", "TÜRKIYE": "TUR", "Turkey": "TUR", "TURKEY": "TUR",
		"uk": "GBR", "UK": "GBR", "great  britain": "GBR", "United Kingdom": "GBR",
		"Slovak Republic": "SVK", "slovák republic": "SVK",
	} {
		c, ok := ds.LookupCountry(in)
		if !ok || c.Code != want {
			t.Errorf("LookupCountry(%q) = %s, %v; want %s", in, c.Code, ok, want)
		}
	}
	for _, in := range []string{"", "  ", "Turk", "U.K.", "Slovak", "\u0308"} {
		if c, ok := ds.LookupCountry(in); ok {
			t.Errorf("LookupCountry(%q) = %s, want nothing", in, c.Code)
		}
	}
	// Two countries by the same name (a dataset built by hand: the loader
	// refuses it): the smaller code, every time.
	ds.Countries["QMA"] = Country{Code: "QMA", Name: "Atlantis"}
	ds.Countries["QMB"] = Country{Code: "QMB", Name: "atlantis"}
	for range 20 {
		if c, _ := ds.LookupCountry("Atlantis"); c.Code != "QMA" {
			t.Fatalf("LookupCountry(Atlantis) = %s, want QMA", c.Code)
		}
	}
}
