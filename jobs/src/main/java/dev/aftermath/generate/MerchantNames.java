package dev.aftermath.generate;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Merchant names: Chinese shop names, and now and then a hostile one (markup, a formula, quotes,
 * commas, a line break) so every consumer of names is exercised on what real exports contain.
 */
final class MerchantNames {
  private MerchantNames() {}

  private static final String[] CITIES = {
    "上海", "杭州", "成都", "北京", "广州", "深圳", "武汉", "南京", "苏州", "西安", "重庆", "长沙", "厦门", "青岛"
  };
  private static final String[] CORES = {
    "悦", "鑫", "福", "禾", "美", "鲜", "乐", "优", "臻", "habitat", "百味", "小满", "山海", "拾光", "简一", "Lucky",
    "好邻居"
  };
  private static final String[] HOSTILE = {
    "<script>alert(\"商户\")</script>",
    "=HYPERLINK(\"http://example.invalid\",\"点击领取\")",
    "\"老王\", 批发 & 零售",
    "第一行\n第二行 换行店",
    "+86 快捷 <b>粗体</b>",
    "@SUM(A1:A9) 数据店",
    "-1 折扣 '单引号' 店",
    "Tab\t分隔 商行"
  };

  static String name(UniformRandomProvider rng, Industry industry, int index) {
    if (index % 53 == 7) {
      return HOSTILE[(index / 53) % HOSTILE.length];
    }
    String city = CITIES[rng.nextInt(CITIES.length)];
    String core = CORES[rng.nextInt(CORES.length)];
    return city + core + suffix(industry, rng);
  }

  private static String suffix(Industry industry, UniformRandomProvider rng) {
    String[] options =
        switch (industry) {
          case RETAIL -> new String[] {"便利店", "百货", "生活馆", "好物店"};
          case CATERING -> new String[] {"小馆", "火锅", "食堂", "茶饮"};
          case TRAVEL -> new String[] {"旅行社", "国旅", "户外"};
          case COMMUNITY_ECOMMERCE -> new String[] {"社区团购", "优选", "邻里团"};
          case WHOLESALE -> new String[] {"批发行", "商贸", "供应链"};
          case IMPORT_EXPORT -> new String[] {"进出口贸易", "跨境", "国际贸易"};
          case FRESH_FOOD -> new String[] {"生鲜", "海鲜", "水产", "果蔬"};
          case BEAUTY -> new String[] {"美容院", "美业", "美妆"};
          case PREPAID_CARDS -> new String[] {"礼品卡", "储值卡中心", "卡券"};
        };
    return options[rng.nextInt(options.length)];
  }
}
