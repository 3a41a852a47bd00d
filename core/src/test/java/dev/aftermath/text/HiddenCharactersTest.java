package dev.aftermath.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HiddenCharactersTest {
  @Test
  void theRegexAndThePredicateAgreeOnEveryCodePoint() {
    List<String> disagree = new ArrayList<>();
    int hidden = 0;
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      boolean byRegex = HiddenCharacters.PATTERN.matcher(Character.toString(c)).matches();
      if (byRegex != HiddenCharacters.contains(c) && disagree.size() < 10) {
        disagree.add(String.format("U+%04X", c));
      }
      hidden += byRegex ? 1 : 0;
    }
    assertThat(disagree).isEmpty();
    // 29 C0 + 33 DEL/C1 + 5 + 5 + 4 + 1 + 1
    assertThat(hidden).isEqualTo(78);
  }

  @Test
  void lineBreaksAndTabsAreText() {
    assertThat(HiddenCharacters.contains('\n')).isFalse();
    assertThat(HiddenCharacters.contains('\r')).isFalse();
    assertThat(HiddenCharacters.contains('\t')).isFalse();
    assertThat(HiddenCharacters.contains(0x1B)).isTrue(); // escape: terminal control sequences
    assertThat(HiddenCharacters.contains(0x202E)).isTrue();
    assertThat(HiddenCharacters.contains('长')).isFalse();
  }
}
