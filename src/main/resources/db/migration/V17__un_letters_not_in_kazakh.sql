-- The UN Committees take communications in English, French, Russian and Spanish only, so a UN letter is no longer
-- drafted in Kazakh. Letters drafted in Kazakh before that are relabelled Russian: their next version is drafted in
-- Russian (the lawyer may switch it to English); the versions already stored keep their text.
update letter set language = 'ru'
where language = 'kk' and kind in ('CAT_COMMUNICATION', 'HRC_COMMUNICATION', 'INTERIM_MEASURES');
