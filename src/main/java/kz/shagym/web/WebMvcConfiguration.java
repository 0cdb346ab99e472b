package kz.shagym.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The pages' language: Russian unless the user chose Kazakh or English with ?lang=, remembered in a cookie. */
@Configuration
class WebMvcConfiguration implements WebMvcConfigurer {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("shagym-lang");
        resolver.setDefaultLocale(RUSSIAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            /** Only the three languages the bundles cover; anything else keeps the current language. */
            @Override
            protected Locale parseLocaleValue(String value) {
                return Languages.supported(value) ? Locale.forLanguageTag(value) : null;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        // The API reads ?lang= itself, per request; it must not set the pages' cookie.
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/actuator/**");
    }
}
