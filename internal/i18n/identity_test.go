package i18n

import "testing"

// TestFilesHoldTheGoMapsTexts: the locale files hold every key of the old
// Go maps with the same texts, byte for byte, and no other key. Temporary:
// it goes with the maps.
func TestFilesHoldTheGoMapsTexts(t *testing.T) {
	if len(messages) < 100 {
		t.Fatalf("messages has %d keys, want the old maps' hundreds", len(messages))
	}
	for k, m := range messages {
		for i, l := range []Lang{EN, ES} {
			got, ok := std.text[l][k]
			if !ok {
				t.Errorf("%s: %s missing from the files", l, k)
			} else if got != m[i] {
				t.Errorf("%s: %s = %q in the files, %q in Go", l, k, got, m[i])
			}
		}
	}
	for _, l := range []Lang{EN, ES} {
		if len(std.text[l]) != len(messages) {
			t.Errorf("%s: %d keys in the files, %d in Go", l, len(std.text[l]), len(messages))
		}
	}
}
