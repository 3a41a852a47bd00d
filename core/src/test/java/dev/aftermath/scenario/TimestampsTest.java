package dev.aftermath.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void readsLocalOffsetAndUtcFormsAsTheSameLocalTime() {
    LocalDateTime expected = LocalDateTime.of(2020, 2, 17, 19, 0);
    assertThat(Timestamps.toLocal("2020-02-17T19:00:00", SHANGHAI)).isEqualTo(expected);
    assertThat(Timestamps.toLocal("2020-02-17T19:00:00+08:00", SHANGHAI)).isEqualTo(expected);
    assertThat(Timestamps.toLocal("2020-02-17T11:00:00Z", SHANGHAI)).isEqualTo(expected);
    assertThat(Timestamps.toLocal("2020-02-17T12:00:00+01:00", SHANGHAI)).isEqualTo(expected);
    assertThat(Timestamps.toLocal("2020-02-17 19:00:00", SHANGHAI)).isEqualTo(expected);
    assertThat(Timestamps.toLocal("2020-02-17T19:00", SHANGHAI)).isEqualTo(expected);
  }

  @Test
  void readsTwentyFourHundredAsTheNextMidnight() {
    assertThat(Timestamps.toLocal("2020-02-25T24:00:00", SHANGHAI))
        .isEqualTo(LocalDateTime.of(2020, 2, 26, 0, 0));
    assertThat(Timestamps.toLocal("2020-02-29T24:00", SHANGHAI))
        .isEqualTo(LocalDateTime.of(2020, 3, 1, 0, 0));
  }

  @Test
  void rejectsImpossibleTimes() {
    assertThatThrownBy(() -> Timestamps.toLocal("2020-02-30T25:61:00", SHANGHAI))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Timestamps.toLocal("yesterday", SHANGHAI))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Timestamps.toLocal("2020-02-25T24:30:00", SHANGHAI))
        .isInstanceOf(DateTimeException.class);
  }

  @Test
  void formatsWithSecondsAlwaysShown() {
    LocalDateTime t = LocalDateTime.of(2020, 2, 17, 19, 0);
    assertThat(Timestamps.format(t)).isEqualTo("2020-02-17T19:00:00");
    assertThat(Timestamps.formatWithOffset(t, SHANGHAI)).isEqualTo("2020-02-17T19:00:00+08:00");
  }
}
