package dev.aftermath.scenario;

import java.util.Map;
import java.util.Optional;

/** Which share_prices symbol is the platform and which is the market benchmark. */
public record ShareSymbols(String symbol, String market) {

  /** Reads key {@code share} (optional) of {@code top}; empty when it is absent. */
  static Optional<ShareSymbols> read(ScenarioYaml yaml, Map<String, Object> top) {
    Map<String, Object> share = yaml.map(top, "share", false);
    if (share == null) {
      return Optional.empty();
    }
    String symbol = yaml.text(share, "share.symbol", true);
    String market = yaml.text(share, "share.market", true);
    return Optional.of(new ShareSymbols(symbol, market));
  }
}
