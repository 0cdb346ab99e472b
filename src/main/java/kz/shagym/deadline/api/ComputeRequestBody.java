package kz.shagym.deadline.api;

import java.util.List;

/** POST /api/deadlines/compute body. Everything is a String so that we, not Jackson, word the errors. */
record ComputeRequestBody(String rule, String regime, String period, String trigger,
        List<String> extraNonWorkingDays, List<String> extraWorkingDays, String lang) {}
