package dev.aftermath;

import dev.aftermath.generate.DemoCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small hand-made incident cases into a test folder. */
public final class CaseFixture {
  private final Path dir;

  public CaseFixture(Path dir) {
    this.dir = dir;
    scenario(DemoCase.bundledScenario());
  }

  public Path dir() {
    return dir;
  }

  public String path() {
    return dir.toString();
  }

  public CaseFixture scenario(String yaml) {
    return file("scenario.yaml", yaml);
  }

  /** Writes {@code name} (relative to the case) with the given text, creating folders. */
  public CaseFixture file(String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CaseFixture delete(String name) {
    try {
      Files.deleteIfExists(dir.resolve(name));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Three merchants, one with a hostile Chinese name holding a quote, a comma and a line break. */
  public static final String MERCHANTS =
      "\uFEFFmerchant_id,name,industry,signup_date,monthly_fee,ad_eligible,data_recovered_pct,left_platform_at\r\n"
          + "M1,上海悦便利店,retail,2018-01-01,398.00,true,100,\r\n"
          + "M2,\"老王 \"\"海鲜\"\", 批发\n第二行\",fresh_food,2019-05-01,567.00,false,0,2020-03-20\r\n"
          + "M3,<script>x</script>,catering,2020-02-27,833.00,true,100,\r\n";

  /** A few good orders in all three timestamp forms. */
  public static final String GOOD_ORDERS =
      "order_id,merchant_id,customer_id,created_at,amount,tax,status\n"
          + "o1,M1,c1,2020-02-17T19:00:00,113.00,13.00,PAID\n"
          + "o2,M1,c2,2020-02-17T12:30:00Z,56.50,6.50,PAID\n"
          + "o3,M1,,2020-02-18T09:15:00+08:00,20.00,0,REFUNDED\n"
          + "o4,M2,c3,2020-02-23 18:59:59,100,9,PAID\n";
}
