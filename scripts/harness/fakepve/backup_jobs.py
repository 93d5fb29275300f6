"""Backup (vzdump) jobs, stored as PVE's jobs.cfg.

PVE imitated: pve-manager PVE/API2/Backup.pm: index (each job with `id`, `type` vzdump and
`next-run`), create_job ("Job '$id' already exists", `enabled` defaults to 1, `starttime`/`dow`
turned into `schedule`), read_job (raise_param_exc "No such job '$id'"), update_job (options
set, `delete` removes them, `vmid` drops `all`/`exclude`/`pool`; "no such vzdump job"),
delete_job. `prune-backups`, `fleecing` and `performance` are property strings when written and
objects when read ($backup_job_return_schema). fakepve 0.5.0 answers these from the schema only.
"""

import copy
import time
import uuid

from fakepve.model import PveError
from fakepve.routing import StatefulRoutes, die, param_error, split_list

OBJECT_KEYS = ('prune-backups', 'fleecing', 'performance')
NOT_OPTIONS = ('id', 'delete', 'digest', 'starttime', 'dow')


def parse_property_string(text):
    out = {}
    for part in split_list(text):
        key, _, value = part.partition('=')
        out[key] = value
    return out


class BackupJobs(StatefulRoutes):
    """Mixin of FakePve: /cluster/backup and /cluster/backup/{id}."""

    def _jobs(self):
        if not hasattr(self, 'backup_jobs'):
            self.backup_jobs = {}
        return self.backup_jobs

    def _routes_backup_jobs(self):
        return [('GET', '/cluster/backup', self._job_list), ('POST', '/cluster/backup', self._job_create),
                ('GET', '/cluster/backup/{id}', self._job_read), ('PUT', '/cluster/backup/{id}', self._job_update),
                ('DELETE', '/cluster/backup/{id}', self._job_delete)]

    @staticmethod
    def _schedule(v):
        """$schedule_param_check."""
        if v.get('schedule') is not None:
            if v.get('starttime') is not None:
                raise param_error(starttime="'starttime' and 'schedule' cannot both be set")
            return v['schedule']
        if v.get('starttime') is None:
            return None
        dow = ','.join(split_list(v.get('dow')))
        return v['starttime'] if not dow or dow == 'mon,tue,wed,thu,fri,sat,sun' else dow + ' ' + v['starttime']

    @staticmethod
    def _job_options(v):
        return dict((k, x) for k, x in v.items() if k not in NOT_OPTIONS and x is not None)

    @staticmethod
    def _job_view(jid, job):
        out = copy.deepcopy(job)
        out['id'] = jid
        for key in OBJECT_KEYS:
            if isinstance(out.get(key), str):
                out[key] = parse_property_string(out[key])
        return out

    async def _job_list(self, v, user):
        out = []
        for jid in sorted(self._jobs()):
            job = self._job_view(jid, self._jobs()[jid])
            if job.get('schedule'):
                job['next-run'] = int(time.time()) + 3600
            out.append(job)
        return out

    async def _job_read(self, v, user):
        job = self._jobs().get(v['id'])
        if job is None:
            raise param_error(id="No such job '{0}'".format(v['id']))
        return self._job_view(v['id'], job)

    async def _job_create(self, v, user):
        storage = v.get('storage')
        if storage:
            self.require(user, '/storage/' + storage, 'Datastore.Allocate')
        schedule = self._schedule(v)
        if schedule is None:
            raise param_error(schedule="neither 'starttime' nor 'schedule' were set")
        jid = v.get('id') or str(uuid.uuid4())
        if jid in self._jobs():
            raise die("Job '{0}' already exists".format(jid))
        job = self._job_options(v)
        job.update(type='vzdump', schedule=schedule)
        job.setdefault('enabled', 1)
        self._jobs()[jid] = job

    async def _job_update(self, v, user):
        job = self._jobs().get(v['id'])
        if job is None or job.get('type') != 'vzdump':
            raise die('no such vzdump job')
        opts = self._job_options(v)
        schedule = self._schedule(v)
        if schedule is not None:
            opts['schedule'] = schedule
        deletes = split_list(v.get('delete'))
        if not opts and not deletes:
            raise die('no options specified')
        if opts.get('storage'):
            self.require(user, '/storage/' + opts['storage'], 'Datastore.Allocate')
        for key in deletes:
            job.pop(key, None)
        job.update(opts)
        if 'vmid' in opts:
            for key in ('all', 'exclude', 'pool'):
                job.pop(key, None)
        elif opts.get('all'):
            job.pop('vmid', None)
            job.pop('pool', None)

    async def _job_delete(self, v, user):
        if v['id'] not in self._jobs():
            raise param_error(id="No such job '{0}'".format(v['id']))
        del self._jobs()[v['id']]


__all__ = ['BackupJobs', 'PveError']
