/* Flag name tables, one per flag family (see flag_tables.c for the source). */
#ifndef FNET_FLAG_TABLES_H
#define FNET_FLAG_TABLES_H

#include "event_schema.h"

extern const struct fnet_flag_name fnet_flags_access_flags[];
extern const struct fnet_flag_name fnet_flags_anon_inode_fd_types[];
extern const struct fnet_flag_name fnet_flags_bpf_commands[];
extern const struct fnet_flag_name fnet_flags_chmod_mode[];
extern const struct fnet_flag_name fnet_flags_clone_flags[];
extern const struct fnet_flag_name fnet_flags_close_range_flags[];
extern const struct fnet_flag_name fnet_flags_creat_flags[];
extern const struct fnet_flag_name fnet_flags_delete_module_flags[];
extern const struct fnet_flag_name fnet_flags_epoll_create1_flags[];
extern const struct fnet_flag_name fnet_flags_execve_flags[];
extern const struct fnet_flag_name fnet_flags_execveat_flags[];
extern const struct fnet_flag_name fnet_flags_fchownat_flags[];
extern const struct fnet_flag_name fnet_flags_fcntl_commands[];
extern const struct fnet_flag_name fnet_flags_file_flags[];
extern const struct fnet_flag_name fnet_flags_finit_module_flags[];
extern const struct fnet_flag_name fnet_flags_flock_flags[];
extern const struct fnet_flag_name fnet_flags_fsconfig_cmds[];
extern const struct fnet_flag_name fnet_flags_futex_operations[];
extern const struct fnet_flag_name fnet_flags_io_uring_enter_flags[];
extern const struct fnet_flag_name fnet_flags_io_uring_register_opcodes[];
extern const struct fnet_flag_name fnet_flags_io_uring_setup_feats[];
extern const struct fnet_flag_name fnet_flags_io_uring_setup_flags[];
extern const struct fnet_flag_name fnet_flags_keyctl_operations[];
extern const struct fnet_flag_name fnet_flags_linkat_flags[];
extern const struct fnet_flag_name fnet_flags_lseek_whence[];
extern const struct fnet_flag_name fnet_flags_memfd_create_flags[];
extern const struct fnet_flag_name fnet_flags_mknod_mode[];
extern const struct fnet_flag_name fnet_flags_mlock2_flags[];
extern const struct fnet_flag_name fnet_flags_mlockall_flags[];
extern const struct fnet_flag_name fnet_flags_mmap_flags[];
extern const struct fnet_flag_name fnet_flags_mount_flags[];
extern const struct fnet_flag_name fnet_flags_newfstatat_flags[];
extern const struct fnet_flag_name fnet_flags_openat2_flags[];
extern const struct fnet_flag_name fnet_flags_pf_flags[];
extern const struct fnet_flag_name fnet_flags_pidfd_open_flags[];
extern const struct fnet_flag_name fnet_flags_prctl_options[];
extern const struct fnet_flag_name fnet_flags_prot_flags[];
extern const struct fnet_flag_name fnet_flags_ptrace_requests[];
extern const struct fnet_flag_name fnet_flags_quotactl_cmds[];
extern const struct fnet_flag_name fnet_flags_quotactl_dqi_flags[];
extern const struct fnet_flag_name fnet_flags_quotactl_quota_fmts[];
extern const struct fnet_flag_name fnet_flags_quotactl_types[];
extern const struct fnet_flag_name fnet_flags_renameat2_flags[];
extern const struct fnet_flag_name fnet_flags_rlimit_resources[];
extern const struct fnet_flag_name fnet_flags_semctl_commands[];
extern const struct fnet_flag_name fnet_flags_semget_flags[];
extern const struct fnet_flag_name fnet_flags_semop_flags[];
extern const struct fnet_flag_name fnet_flags_shutdown_how[];
extern const struct fnet_flag_name fnet_flags_socket_families[];
extern const struct fnet_flag_name fnet_flags_sockopt_levels[];
extern const struct fnet_flag_name fnet_flags_sockopt_options[];
extern const struct fnet_flag_name fnet_flags_splice_flags[];
extern const struct fnet_flag_name fnet_flags_umount_flags[];
extern const struct fnet_flag_name fnet_flags_unlinkat_flags[];

#endif
