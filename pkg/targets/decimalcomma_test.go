package targets

import (
	"reflect"
	"testing"
)

func TestDecimalCommas(t *testing.T) {
	got := DecimalCommas([]string{"3,7", " 2,5 ", "3,75%", "2,3.5,5", "3, 7", "3,750", "2,hague", "3.7", "2", "10,5", "3,7\n5", ",5", "3,"})
	want := []DecimalComma{
		{Value: "3,7", Read: [2]string{"3%", "7%"}, Meant: "3.7"},
		{Value: "2,5", Read: [2]string{"2%", "5%"}, Meant: "2.5"},
		{Value: "3,75%", Read: [2]string{"3%", "75%"}, Meant: "3.75"},
		{Value: "10,5", Read: [2]string{"10%", "5%"}, Meant: "10.5"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DecimalCommas = %+v\nwant %+v", got, want)
	}
	if w := want[0].Warning(); w != `"3,7" is read as two targets, 3% and 7%: for 3.7% of GDP, write 3.7 (with a decimal point)` {
		t.Errorf("warning %q", w)
	}
}

// A line break or a tab separates targets as a comma does: "2\n3.5" is two
// targets, where pflag's StringSlice kept only the first line.
func TestParseLineBreaksAndTabs(t *testing.T) {
	got, err := parseShare([]string{"2\n3.5", "hague\tuk-2027\r\n"}, known)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, tg := range got {
		ids = append(ids, Label(tg))
	}
	if want := []string{"2%", "3.5%", "hague 5%", "uk-2027 2.5%"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("targets %q, want %q", ids, want)
	}
}
