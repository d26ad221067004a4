package ingest

import "testing"

func TestTrimFeedTail(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"wordpress line", "Georgia recalled its envoy.\n\nThe post Georgia recalls envoy appeared first on Caucasus Desk.\n",
			"Georgia recalled its envoy.\n"},
		{"read more after a sentence", "The ministry in Baku said. Read more »", "The ministry in Baku said.\n"},
		{"continue reading on its own line", "Talks resumed in Doha.\nContinue reading →\n", "Talks resumed in Doha.\n"},
		{"bracketed", "Talks resumed. [Read more…]", "Talks resumed.\n"},
		{"both", "Talks resumed.\nRead more\nThe post Talks appeared first on Desk.", "Talks resumed.\n"},
		{"a sentence ending in more is kept", "Kyiv asked for more", "Kyiv asked for more"},
		{"a sentence ending in full story is kept", "He did not tell the full story", "He did not tell the full story"},
		{"share link on its own line", "We urge the parties to release aid workers.\nShare\n", "We urge the parties to release aid workers.\n"},
		{"a sentence ending in share is kept", "Both sides agreed on the burden they share", "Both sides agreed on the burden they share"},
		{"nothing to trim", "Russia objected.\n", "Russia objected.\n"},
		{"only a link", "Read more", "\n"},
		{"non-ASCII before", "İİİ. More", "İİİ.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trimFeedTail(tt.in); got != tt.want {
				t.Errorf("trimFeedTail(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
