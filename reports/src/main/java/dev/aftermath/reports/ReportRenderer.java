package dev.aftermath.reports;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Freemarker set up for reports that carry hostile text (merchant names): {@code .ftlh} templates
 * with HTML auto-escaping, errors rethrown (a broken report fails the run instead of printing half
 * a page), no {@code ?new} class instantiation, no {@code ?api}. Wording comes from the {@code
 * messages} bundle of the report's language.
 */
public final class ReportRenderer {
  private final Configuration cfg;

  public ReportRenderer() {
    cfg = new Configuration(Configuration.VERSION_2_3_35);
    cfg.setClassForTemplateLoading(ReportRenderer.class, "/templates");
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
  }

  /** The messages of a language as a map for the templates. */
  public static Map<String, String> messages(Locale locale) {
    ResourceBundle b = ResourceBundle.getBundle("messages/messages", locale);
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : b.keySet()) {
      m.put(k, b.getString(k));
    }
    return m;
  }

  /** Renders {@code template} with {@code model} plus the language's messages as {@code msg}. */
  public String render(String template, Locale locale, Map<String, Object> model) {
    Map<String, Object> all = new LinkedHashMap<>(model);
    all.put("msg", messages(locale));
    all.put("lang", locale.toLanguageTag());
    try {
      Template t = cfg.getTemplate(template);
      StringWriter w = new StringWriter();
      t.process(all, w);
      return w.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load template " + template, e);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + template + " failed: " + e.getMessage(), e);
    }
  }
}
