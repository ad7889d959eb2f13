package io.tradekit.sample.nft.onboarding.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** MyBatis-Plus mapper of {@link ApplicationDO}. */
@Mapper
public interface ApplicationMapper extends BaseMapper<ApplicationDO> {

    /** Flags, in one statement, the active applications with a person ID expiring within the days. */
    @Update("UPDATE onb_application SET id_expiry_flag = TRUE WHERE id_expiry_flag = FALSE"
            + " AND status IN ('SUBMITTED', 'PRE_REVIEW', 'DUE_DILIGENCE', 'READY_TO_PRINT')"
            + " AND id IN (SELECT application_id FROM onb_related_person"
            + " WHERE id_expiry BETWEEN #{from} AND #{to})")
    int flagExpiring(@Param("from") LocalDate from, @Param("to") LocalDate to);
}
