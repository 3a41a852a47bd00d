package dev.aftermath.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineBreaksTest {
  @Test
  void lfCrlfAndALoneCrEachCountOnce() {
    assertThat(LineBreaks.in("a\nb\r\nc\rd")).isEqualTo(3);
    assertThat(LineBreaks.in("")).isZero();
  }

  @Test
  void breaksAfterTheLastTextAreNotWithinIt() {
    assertThat(LineBreaks.within("a\nb\r\n\r\n\n")).isEqualTo(1);
    assertThat(LineBreaks.within("\n\na")).isEqualTo(2);
    assertThat(LineBreaks.within("\n\n")).isZero();
  }

  @Test
  void aCrlfSplitBetweenTwoPiecesCountsOnce() {
    LineBreaks b = new LineBreaks();
    b.add("a\r", 0, 2);
    b.add("\nb", 0, 2);
    assertThat(b.within()).isEqualTo(1);
  }
}
