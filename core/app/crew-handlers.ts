/** The field crews' IPC methods (core/crews/crews.service.ts). */
import type { IpcHandlers } from '../../shared/ipc/contract';
import type { CrewsService } from '../crews/crews.service';

type CrewMethods = 'getOrderCrew' | 'registerCrewInterest' | 'withdrawCrewInterest' | 'assignCrew' | 'getCrewCoverage' | 'setCrewCoverage';

export function createCrewHandlers(crews: CrewsService): Pick<IpcHandlers, CrewMethods> {
  return {
    getOrderCrew: (order) => crews.orderCrew(order),
    registerCrewInterest: (input) => crews.registerInterest(input),
    withdrawCrewInterest: ({ order }) => crews.withdrawInterest(order),
    assignCrew: (input) => crews.assign(input),
    getCrewCoverage: ({ crew }) => crews.coverage(crew),
    setCrewCoverage: ({ crew, areas }) => crews.setCoverage(crew, areas),
  };
}
